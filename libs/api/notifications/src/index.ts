export * from './notifications.module';
export * from './notification-rules';
export * from './recipients';
export * from './update-mail';
export * from './unsubscribe-kinds';
export * from './update-notifier';
