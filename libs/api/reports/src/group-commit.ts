/**
 * Gathers concurrent calls into batches that one database statement carries (group commit).
 *
 * No timer and no waiting: a call is sent with whatever else arrived in the same turn of the event
 * loop while fewer than `maxInFlight` batches are out; past that, calls queue and leave together
 * as soon as a batch comes back. At one request at a time a call goes alone as before; under load
 * the batches grow with the load, and each commit, round trip and statement start is shared by
 * all the filings in it (docs/decisions/0016-group-commit.md).
 *
 * Each call keeps its own outcome: when a batch fails as a whole (one item's unique violation
 * aborts the statement for all), every item of it is run again on its own, so an error reaches
 * only the call that caused it and the others are stored exactly as if they had gone alone.
 */
export interface GroupCommitOptions<I, O> {
  /** Items per statement, at most. */
  maxBatch: number;
  /** Batches out at once (a pool of one — the embedded database — wants 1). */
  maxInFlight: number;
  /**
   * Items with the same key never share a batch (e.g. filings for one address, whose cap on
   * pending mails is counted from what is committed: two in one statement would not see each other).
   */
  conflictKey: (item: I) => string;
  /**
   * One statement for the whole batch; outcomes in the items' order. It must throw only when
   * nothing of the batch was written (the statement failed): the items are then run again alone.
   */
  runBatch: (items: readonly I[]) => Promise<O[]>;
  /** The same work for one item, used alone and after a failed batch. */
  runOne: (item: I) => Promise<O>;
}

interface Pending<I, O> {
  item: I;
  resolve: (outcome: O) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<I, O> {
  private readonly queue: Array<Pending<I, O>> = [];
  private inFlight = 0;
  private scheduled = false;
  /** Batches sent, items they carried and batches rerun item by item: what the batching achieved (published as Prometheus counters by FilingMetrics, read by the tests). */
  readonly stats = { batches: 0, items: 0, fallbacks: 0 };

  constructor(private readonly options: GroupCommitOptions<I, O>) {
    if (options.maxBatch < 1 || options.maxInFlight < 1) throw new Error('GroupCommit needs maxBatch and maxInFlight of at least 1');
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Waits for the turn of the event loop to end, so calls that arrived in it leave together. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight += 1;
      void this.send(batch).finally(() => {
        this.inFlight -= 1;
        this.schedule();
      });
    }
  }

  /** The oldest items, up to maxBatch, no two with one key; the rest keep their place in the queue. */
  private take(): Array<Pending<I, O>> {
    const batch: Array<Pending<I, O>> = [];
    const keys = new Set<string>();
    const left: Array<Pending<I, O>> = [];
    for (const pending of this.queue) {
      const key = this.options.conflictKey(pending.item);
      if (batch.length < this.options.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(pending);
      } else {
        left.push(pending);
      }
    }
    this.queue.splice(0, this.queue.length, ...left);
    return batch;
  }

  private async send(batch: Array<Pending<I, O>>): Promise<void> {
    this.stats.batches += 1;
    this.stats.items += batch.length;
    if (batch.length === 1) return this.alone(batch[0]!);
    let outcomes: O[];
    try {
      outcomes = await this.options.runBatch(batch.map((pending) => pending.item));
    } catch {
      // Nothing of the batch was written (one statement): each item again, on its own.
      this.stats.fallbacks += 1;
      await Promise.all(batch.map((pending) => this.alone(pending)));
      return;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      // Committed, so never run again: a missing outcome is this item's error alone.
      if (outcome === undefined) pending.reject(new Error('The batch statement returned no outcome for this item'));
      else pending.resolve(outcome);
    });
  }

  private async alone(pending: Pending<I, O>): Promise<void> {
    try {
      pending.resolve(await this.options.runOne(pending.item));
    } catch (error) {
      pending.reject(error);
    }
  }
}
