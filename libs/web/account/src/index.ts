// Account widgets that the public map and the console show alike, already translated (unlike
// libs/web/ui, this library knows i18n): the same control, the same words, in both apps.
export { NotificationSettingsSection } from './NotificationSettingsSection';
