import { ContactAccessLog } from './contact-access-log';
import { Module } from '@nestjs/common';
import { AuditModule } from '@plaza/api/audit';
import { AuthModule } from '@plaza/api/auth';
import { CatalogModule } from '@plaza/api/catalog';
import { Open311RecordsModule } from '@plaza/api/open311-records';
import { ParticipationDataModule } from '@plaza/api/participation-data';
import { ReportRecordsModule } from '@plaza/api/report-records';
import { ReportsModule } from '@plaza/api/reports';
import { CalendarController } from './calendar.controller';
import { CaseEventsService } from './case-events.service';
import { CaseIntakeService } from './case-intake.service';
import { CaseModerationController } from './case-moderation.controller';
import { CaseModerationService } from './case-moderation.service';
import { CaseMoveRunner } from './case-move-runner';
import { CaseReadController } from './case-read.controller';
import { CaseViewService } from './case-view.service';
import { CaseWorkController } from './case-work.controller';
import { CaseWorkService } from './case-work.service';
import { CaseWritesRepository } from './case-writes.repository';
import { CasesRepository } from './cases.repository';
import { DepartmentTrustRepository } from './department-trust.repository';
import { DepartmentTrustService } from './department-trust.service';
import { HolidaysRepository } from './holidays/holidays.repository';
import { HolidaysService } from './holidays/holidays.service';
import { ReplyTemplatesRepository } from './reply-templates.repository';
import { ReplyText } from './reply-text';
import { CaseChangeLogPurgeJob } from './case-change-log-purge.job';
import { SavedViewsController } from './saved-views/saved-views.controller';
import { SavedViewsRepository } from './saved-views/saved-views.repository';
import { CaseChangesRepository } from './case-changes.repository';

/** /api/v1/staff/cases…: the moderation console's inbox, case view and moves; holidays and trust. */
@Module({
  imports: [AuthModule, AuditModule, CatalogModule, ReportsModule, ReportRecordsModule, ParticipationDataModule, Open311RecordsModule],
  controllers: [CaseReadController, CaseModerationController, CaseWorkController, CalendarController, SavedViewsController],
  providers: [
    CasesRepository,
    CaseWritesRepository,
    CaseViewService,
    CaseEventsService,
    CaseChangesRepository,
    SavedViewsRepository,
    CaseChangeLogPurgeJob,
    CaseMoveRunner,
    CaseModerationService,
    CaseWorkService,
    CaseIntakeService,
    HolidaysRepository,
    HolidaysService,
    DepartmentTrustService,
    DepartmentTrustRepository,
    ReplyTemplatesRepository,
    ReplyText,
    ContactAccessLog,
  ],
  // CaseWritesRepository: other features (external Open311 updates) move cases through the same writes.
  exports: [CaseEventsService, CaseWritesRepository],
})
export class CasesModule {}
