import { Injectable } from '@nestjs/common';

/**
 * Tells the worker that a message was committed, so it delivers within milliseconds instead of
 * at its next poll. Only a hint: the poll still finds everything (other replicas, missed signals).
 */
@Injectable()
export class OutboxSignal {
  private listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
