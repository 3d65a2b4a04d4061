export * from './access.decorator';
export * from './access.guard';
export * from './auth-context';
export * from './auth.errors';
export * from './auth.module';
export * from './department-scope';
export * from './email-link.service';
export * from './password-hasher';
export * from './secret-token';
export * from './session.service';
export * from './accounts.repository';
// The rate-limit counters moved to @plaza/api/abuse; re-exported for the libraries that used them from here.
export {
  ATTEMPT_STORE,
  MemoryAttemptStore,
  RedisAttemptStore,
  createRedisAttemptStore,
  TooManyAttemptsError,
  type AttemptCount,
  type AttemptStore,
} from '@plaza/api/abuse';
export * from './sign-in-throttle';
