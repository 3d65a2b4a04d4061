import { CatalogModule } from '@plaza/api/catalog';
import { Module } from '@nestjs/common';
import { MediaModule } from '@plaza/api/media';
import { ParticipationDataModule } from '@plaza/api/participation-data';
import { ProposalRecordsModule } from '@plaza/api/proposal-records';
import { ProposalImages } from './proposal-images';
import { ProposalsStaffController } from './proposals-staff.controller';
import { ProposalsController, ReportProposalsController } from './proposals.controller';
import { ProposalsRepository } from './proposals.repository';
import { ProposalPreviewService } from './proposal-preview.service';
import { ProposalsService } from './proposals.service';
import { ThemesAdminController, ThemesController } from './themes.controller';
import { ThemesRepository } from './themes.repository';

@Module({
  imports: [CatalogModule, MediaModule, ProposalRecordsModule, ParticipationDataModule],
  controllers: [ProposalsController, ReportProposalsController, ProposalsStaffController, ThemesController, ThemesAdminController],
  providers: [ProposalsRepository, ProposalsService, ProposalImages, ThemesRepository, ProposalPreviewService],
  exports: [ProposalsService, ProposalPreviewService],
})
export class ProposalsModule {}
