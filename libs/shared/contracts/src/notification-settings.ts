// Account-level notification settings (docs/notifications.md, "Notifications to reporters and followers").
//   GET   /api/v1/account/notifications   signed-in → NotificationSettings
//   PATCH /api/v1/account/notifications   signed-in, NotificationSettings → NotificationSettings

export interface NotificationSettings {
  /**
   * Emails about the reports and proposals the person filed, made or follows (status changes,
   * public responses, official answers). Off: none of those emails; in-app notifications stay.
   * Sign-in links and other account mails are not affected.
   */
  emailNotifications: boolean;
}
