export { NewReportPage } from './NewReportPage';
export { SentPage } from './SentPage';
export { ConfirmPage } from './ConfirmPage';
