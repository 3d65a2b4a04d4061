import { Module } from '@nestjs/common';
import { CatalogModule } from '@plaza/api/catalog';
import { MediaModule } from '@plaza/api/media';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({
  imports: [CatalogModule, MediaModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService],
  exports: [ReportsService, ReportsRepository],
})
export class ReportsModule {}
