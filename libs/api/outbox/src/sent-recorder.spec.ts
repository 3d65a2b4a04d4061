import { SentRecorder, type SentDelivery } from './sent-recorder';

const sent = (id: string): SentDelivery => ({ id, leaseId: 'lease', sentAt: new Date(0), result: null });

describe('SentRecorder', () => {
  it('gathers the deliveries that finish while a statement is on its way into the next one', async () => {
    const statements: string[][] = [];
    let finishFirst: () => void = () => undefined;
    const recorder = new SentRecorder(
      {
        recordSent: async (batch) => {
          statements.push(batch.map((d) => d.id));
          if (statements.length === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
        },
      },
      (error) => {
        throw error;
      },
    );
    recorder.add(sent('a'));
    recorder.add(sent('b'));
    await new Promise((resolve) => setImmediate(resolve));
    // The first statement is on its way; these three wait for it, then go together.
    recorder.add(sent('c'));
    recorder.add(sent('d'));
    recorder.add(sent('e'));
    finishFirst();
    await recorder.flush();
    expect(statements).toEqual([['a', 'b'], ['c', 'd', 'e']]);
  });

  it('logs a failed statement and goes on with the next', async () => {
    const errors: string[] = [];
    const recorded: string[] = [];
    let calls = 0;
    const recorder = new SentRecorder(
      {
        recordSent: async (batch) => {
          calls += 1;
          if (calls === 1) throw new Error('connection lost');
          recorded.push(...batch.map((d) => d.id));
        },
      },
      (error) => errors.push(error.message),
    );
    recorder.add(sent('a'));
    await recorder.flush();
    recorder.add(sent('b'));
    await recorder.flush();
    expect(errors).toEqual(['connection lost']);
    expect(recorded).toEqual(['b']);
  });

  it('records nothing when nothing was sent', async () => {
    let calls = 0;
    const recorder = new SentRecorder({ recordSent: async () => void (calls += 1) }, () => undefined);
    await recorder.flush();
    expect(calls).toBe(0);
  });
});
