/** What the queue needs to know of a claimed message. */
export interface QueuedDelivery {
  id: string;
  priority: number;
  /**
   * Messages with the same key are never delivered at the same time (the channel and recipient):
   * one person's messages go out in the order they were claimed, as when delivery was sequential,
   * and a channel's check-then-write for one address (sign-up, alert subscription) never races itself.
   */
  key: string;
}

/**
 * The worker's claimed messages that have not started yet: highest priority first, then in claim
 * order, so a sign-in link claimed while a batch of confirmations waits here goes out next. Pure
 * bookkeeping, no I/O: the worker fills it from claims and takes from it as delivery slots free up.
 */
export class DeliveryQueue<T extends QueuedDelivery> {
  private waiting: Array<{ item: T; sequence: number }> = [];
  private readonly busy = new Map<string, number>();
  private sequence = 0;

  get size(): number {
    return this.waiting.length;
  }

  /** The lowest priority waiting, or null when empty: a wake-up claims only above it. */
  lowestPriority(): number | null {
    return this.waiting.length === 0 ? null : Math.min(...this.waiting.map((w) => w.item.priority));
  }

  add(items: readonly T[]): void {
    for (const item of items) this.waiting.push({ item, sequence: this.sequence++ });
    this.waiting.sort((a, b) => b.item.priority - a.item.priority || a.sequence - b.sequence);
  }

  /**
   * The next message to deliver, now marked in flight, or null when none may start: the queue is
   * empty, or every waiting message shares its key with one in flight. Call `done` when it ends.
   */
  take(): T | null {
    const index = this.waiting.findIndex((w) => !this.busy.has(w.item.key));
    if (index < 0) return null;
    const [{ item }] = this.waiting.splice(index, 1) as [{ item: T; sequence: number }];
    this.busy.set(item.key, (this.busy.get(item.key) ?? 0) + 1);
    return item;
  }

  done(item: T): void {
    const left = (this.busy.get(item.key) ?? 1) - 1;
    if (left <= 0) this.busy.delete(item.key);
    else this.busy.set(item.key, left);
  }

  /** Drops the waiting messages `drop` selects (their lease was lost) and answers them. */
  removeWhere(drop: (item: T) => boolean): T[] {
    const dropped = this.waiting.filter((w) => drop(w.item)).map((w) => w.item);
    if (dropped.length > 0) this.waiting = this.waiting.filter((w) => !drop(w.item));
    return dropped;
  }

  /** Empties the queue (shutdown: the worker hands these back unattempted). */
  drain(): T[] {
    const items = this.waiting.map((w) => w.item);
    this.waiting = [];
    return items;
  }

  /** The waiting messages, without taking them (the lease renewal covers them too). */
  peekAll(): T[] {
    return this.waiting.map((w) => w.item);
  }
}
