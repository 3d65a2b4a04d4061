export * from './reports.module';
export * from './reports.service';
export * from './reports.repository';
export * from './report-preview.service';
export { CreateReportDto } from './dto/create-report.dto';
export * from './confirmation-expiry.job';
export * from './idempotency-purge.job';
export { excerpt, injectPreview, type PreviewCard } from './social-preview';
export { IdempotencyKeyTaken, ReportFilingRepository, type Filing } from './report-filing.repository';
