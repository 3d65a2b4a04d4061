export * from './participation-data.module';
export * from './participation.errors';
export * from './targets.repository';
export * from './comments.repository';
export * from './follows.repository';
export * from './blocks.repository';
export * from './notification-inbox.repository';
export * from './decision-view';
