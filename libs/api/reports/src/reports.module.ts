import { Module } from '@nestjs/common';
import { CatalogModule } from '@plaza/api/catalog';
import { MediaModule } from '@plaza/api/media';
import { ReportRecordsModule } from '@plaza/api/report-records';
import { ClustersRepository } from './clusters.repository';
import { ConfirmationExpiryJob } from './confirmation-expiry.job';
import { ConfirmationMails } from './confirmation-mails';
import { FilingMetrics } from './filing-metrics';
import { IdempotencyPurgeJob } from './idempotency-purge.job';
import { PendingConfirmationsRepository } from './pending-confirmations.repository';
import { MapSettingsController } from './map-settings.controller';
import { PlacesController } from './places.controller';
import { CityExtentRepository, PlacesRepository } from './places.repository';
import { PlacesService } from './places.service';
import { ReportFilingRepository } from './report-filing.repository';
import { ReportPreviewService } from './report-preview.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { SupportsRepository } from './supports.repository';

@Module({
  imports: [CatalogModule, MediaModule, ReportRecordsModule],
  controllers: [ReportsController, PlacesController, MapSettingsController],
  providers: [
    ReportsRepository,
    ReportFilingRepository,
    ReportsService,
    ClustersRepository,
    SupportsRepository,
    PlacesRepository,
    CityExtentRepository,
    PlacesService,
    ReportPreviewService,
    ConfirmationExpiryJob,
    PendingConfirmationsRepository,
    ConfirmationMails,
    IdempotencyPurgeJob,
    FilingMetrics,
  ],
  exports: [ReportsService, ReportsRepository, ReportPreviewService, ConfirmationExpiryJob, IdempotencyPurgeJob, FilingMetrics],
})
export class ReportsModule {}
