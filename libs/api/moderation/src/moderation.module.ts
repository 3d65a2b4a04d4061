import { Module } from '@nestjs/common';
import { ParticipationDataModule } from '@plaza/api/participation-data';
import { ProposalRecordsModule } from '@plaza/api/proposal-records';
import { ReportRecordsModule } from '@plaza/api/report-records';
import { ContentVisibility } from './content-visibility.service';
import { ModerationStaffController } from './moderation-staff.controller';
import { ModerationController } from './moderation.controller';
import { ModerationRepository } from './moderation.repository';
import { ModerationService } from './moderation.service';

/** Flags, moderation decisions and their review, blocks: the citizens' side and the console's. */
@Module({
  imports: [ParticipationDataModule, ReportRecordsModule, ProposalRecordsModule],
  controllers: [ModerationController, ModerationStaffController],
  providers: [ModerationRepository, ModerationService, ContentVisibility],
})
export class ModerationModule {}
