import { ChallengeService, MemoryAttemptStore, PublicLimits, TooManyAttemptsError, ChallengeRequiredError } from '@plaza/api/abuse';
import { FilingAllowance } from './filing-allowance';

const client = { ip: '203.0.113.7', userAgent: 'test', proof: null };

/** Remembers which counters were touched, in order (the gate, per address, per email). */
class RecordingStore extends MemoryAttemptStore {
  readonly keys = new Set<string>();
  override async increment(key: string, windowMs: number) {
    this.keys.add(key);
    return super.increment(key, windowMs);
  }
}

function setup(isRetry: boolean, abuse = { challengeAfter: 100, reportsPerIpHour: 2, reportsPerEmailHour: 100 }) {
  const store = new RecordingStore();
  const challenges = { redeem: async () => false } as unknown as ChallengeService;
  const limits = new PublicLimits(store, challenges, { abuse } as never);
  let asked = 0;
  const allowance = () =>
    new FilingAllowance(limits, async () => {
      asked++;
      return isRetry;
    });
  const admit = (a: FilingAllowance) =>
    a.count(async (l, units) => {
      await l.admit(client, units);
      await l.hitReportFromIp(client.ip, units);
    });
  const counts = async () => Promise.all([...store.keys].map(async (key) => (await store.peek(key)).count));
  return { store, limits, allowance, admit, counts, asked: () => asked };
}

describe('FilingAllowance', () => {
  it('counts a filing without asking whether it is a retry while the limits admit it', async () => {
    const { allowance, admit, counts, asked } = setup(false);
    await admit(allowance());
    await admit(allowance());
    expect(await counts()).toEqual([2, 2]);
    expect(asked()).toBe(0);
  });

  it('lets the refusal stand for a filing that is not a retry, still counted', async () => {
    const { allowance, admit, counts, asked } = setup(false);
    await admit(allowance());
    await admit(allowance());
    await expect(admit(allowance())).rejects.toBeInstanceOf(TooManyAttemptsError);
    expect(asked()).toBe(1);
    expect(await counts()).toEqual([3, 3]);
  });

  it('lets a retry through a refusal and gives back what it counted, then counts nothing more', async () => {
    const { allowance, admit, counts } = setup(true);
    await admit(allowance());
    await admit(allowance());
    const retry = allowance();
    await admit(retry);
    expect(await counts()).toEqual([2, 2]);
    await retry.count((l, units) => l.hitReportForEmail('ana@example.org', units));
    expect(await counts()).toEqual([2, 2]);
  });

  it('lets a retry through the proof-of-work gate without redeeming anything', async () => {
    const { allowance, admit, counts } = setup(true, { challengeAfter: 1, reportsPerIpHour: 100, reportsPerEmailHour: 100 });
    await admit(allowance());
    await admit(allowance());
    expect(await counts()).toEqual([1, 1]);
  });

  it('gives back every unit once the filing finds its key holding a report', async () => {
    const { allowance, admit, counts } = setup(false);
    const filing = allowance();
    await admit(filing);
    await filing.count((l, units) => l.hitReportForEmail('ana@example.org', units));
    expect(await counts()).toEqual([1, 1, 1]);
    await filing.keyHoldsReport();
    await filing.keyHoldsReport();
    expect(await counts()).toEqual([0, 0, 0]);
  });

  it('does not swallow other errors', async () => {
    const { allowance } = setup(true);
    await expect(allowance().count(async () => Promise.reject(new Error('redis on fire')))).rejects.toThrow('redis on fire');
    await expect(allowance().count(async () => Promise.reject(new ChallengeRequiredError('missing')))).resolves.toBeUndefined();
  });
});
