import { Module } from '@nestjs/common';
import { ReportRecordsRepository } from './report-records.repository';
import { ReportTimeline } from './report-timeline.repository';

/** The reports' data floor: the one writer of the report timeline and the report writes other libraries make. */
@Module({ providers: [ReportTimeline, ReportRecordsRepository], exports: [ReportTimeline, ReportRecordsRepository] })
export class ReportRecordsModule {}
