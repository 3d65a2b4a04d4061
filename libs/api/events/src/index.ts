export * from './timeline-events';
export * from './timeline-listeners';
export * from './events.module';
