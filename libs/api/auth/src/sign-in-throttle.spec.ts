import { MemoryAttemptStore } from '@plaza/api/abuse';
import { TooManyAttemptsError } from './auth.errors';
import { LIMITS, SignInThrottle } from './sign-in-throttle';

describe('SignInThrottle (memory store)', () => {
  let now: number;
  let throttle: SignInThrottle;
  beforeEach(() => {
    now = 1_000_000;
    throttle = new SignInThrottle(new MemoryAttemptStore(() => now));
  });

  it('blocks an account from an address after 5 failures, with the time left, until the window ends', async () => {
    for (let i = 0; i < LIMITS.loginEmailIp.max; i += 1) {
      await throttle.assertLoginAllowed('ana@example.org', '10.0.0.1');
      await throttle.loginFailed('ana@example.org', '10.0.0.1');
    }
    now += 60_000;
    const error = await throttle.assertLoginAllowed('ana@example.org', '10.0.0.1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyAttemptsError);
    expect((error as TooManyAttemptsError).retryAfterSeconds).toBe(14 * 60);
    await expect(throttle.assertLoginAllowed('ana@example.org', '10.0.0.2')).resolves.toBeUndefined();
    await expect(throttle.assertLoginAllowed('luis@example.org', '10.0.0.1')).resolves.toBeUndefined();
    now += 14 * 60_000;
    await expect(throttle.assertLoginAllowed('ana@example.org', '10.0.0.1')).resolves.toBeUndefined();
  });

  it('clears an account\u2019s failures from an address on success, but not the address\u2019s total', async () => {
    for (let i = 0; i < 4; i += 1) await throttle.loginFailed('ana@example.org', '10.0.0.1');
    await throttle.loginSucceeded('ana@example.org', '10.0.0.1');
    for (let i = 0; i < 4; i += 1) await throttle.loginFailed('ana@example.org', '10.0.0.1');
    await expect(throttle.assertLoginAllowed('ana@example.org', '10.0.0.1')).resolves.toBeUndefined();
    for (let i = 0; i < LIMITS.loginIp.max - 8; i += 1)
      await throttle.loginFailed(`x${i}@example.org`, '10.0.0.1');
    await expect(throttle.assertLoginAllowed('new@example.org', '10.0.0.1')).rejects.toBeInstanceOf(
      TooManyAttemptsError,
    );
  });

  it('stops distributed guessing of one account, whatever the addresses', async () => {
    for (let i = 0; i < LIMITS.loginEmail.max; i += 1)
      await throttle.loginFailed('ana@example.org', `10.0.${i}.1`);
    await expect(throttle.assertLoginAllowed('ana@example.org', '192.168.1.1')).rejects.toBeInstanceOf(
      TooManyAttemptsError,
    );
  });

  it('mails at most 3 links per address per window, silently, and refuses a flooding client', async () => {
    const sent = [];
    for (let i = 0; i < 5; i += 1)
      sent.push(await throttle.emailLinkAllowed('ana@example.org', `10.0.0.${i}`));
    expect(sent).toEqual([true, true, true, false, false]);
    for (let i = 0; i < LIMITS.emailLinkIp.max; i += 1)
      await throttle.emailLinkAllowed(`x${i}@example.org`, '10.9.9.9');
    await expect(throttle.emailLinkAllowed('y@example.org', '10.9.9.9')).rejects.toBeInstanceOf(
      TooManyAttemptsError,
    );
  });
});
