import type { OutboxRepository } from './outbox.repository';

export interface SentDelivery {
  id: string;
  leaseId: string;
  sentAt: Date;
  result: string | null;
}

/** Past this many, a statement would grow large for no gain: the rest wait for the next one. */
const MOST_PER_STATEMENT = 500;

/**
 * Records sent messages in batches (group commit): while one UPDATE is on its way, the deliveries
 * that finish meanwhile gather for the next, so at a thousand mails a second the database sees a
 * few statements a second, and at one mail a minute each is recorded at once. A failed statement
 * is logged, not retried: its messages stay leased and are delivered again when the lease runs
 * out (at-least-once; their Message-ID lets receivers drop the copy).
 */
export class SentRecorder {
  private waiting: SentDelivery[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly messages: Pick<OutboxRepository, 'recordSent'>,
    private readonly onError: (error: Error) => void,
  ) {}

  add(delivery: SentDelivery): void {
    this.waiting.push(delivery);
    this.running ??= this.drain();
  }

  /** Resolves once everything added so far is recorded (or its failure logged). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      // Let the deliveries finishing in this same turn of the event loop join the first statement.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MOST_PER_STATEMENT);
        try {
          await this.messages.recordSent(batch);
        } catch (error) {
          this.onError(error instanceof Error ? error : new Error(String(error)));
        }
      }
    } finally {
      this.running = null;
    }
  }
}
