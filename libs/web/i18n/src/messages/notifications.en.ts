import type { notificationsEs } from './notifications.es';

// English for the account notification settings; complete, like the rest of en.ts.
export const notificationsEn: Record<keyof typeof notificationsEs, string> = {
  'account.settings.title': 'My account',
  'account.settings.link': 'My account',
  'notifications.settings.heading': 'Email notifications',
  'notifications.settings.label': 'Email me about my reports, my proposals and what I follow',
  'notifications.settings.hint': 'Status changes, public responses and official answers. Sign-in emails always arrive.',
  'notifications.settings.loading': 'Loading your preferences…',
  'notifications.settings.loadError': 'Your preferences could not be loaded. Reload the page to try again.',
  'notifications.settings.savedOn': 'Saved: you will get these emails.',
  'notifications.settings.savedOff': 'Saved: you will no longer get these emails.',
  'notifications.settings.saveError': 'The change could not be saved. Please try again.',
};
