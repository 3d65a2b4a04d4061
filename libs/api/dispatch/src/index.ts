export * from './dispatch.module';
export { Open311PullJob, type PullRound } from './open311-pull.job';
export { OPEN311_CHANNEL } from './open311-channel';
