export * from './alerts.module';
export * from './alerts-config';
export * from './alerts-clock';
export * from './alert-digest';
export * from './alerts.service';
export * from './instant-alerts';
export * from './unsubscribe-subject';
