export { AlertsPage } from './AlertsPage';
export { ConfirmAlertPage } from './ConfirmAlertPage';
