export { AccountSettingsPage } from './AccountSettingsPage';
export { NotificationsPage } from './NotificationsPage';
export { UnsubscribePage } from './UnsubscribePage';
