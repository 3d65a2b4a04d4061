export { AccountSettingsPage } from './AccountSettingsPage';
export { NotificationsPage } from './NotificationsPage';
export { UnsubscribePage } from './UnsubscribePage';
export { AccountDataPage } from './AccountDataPage';
