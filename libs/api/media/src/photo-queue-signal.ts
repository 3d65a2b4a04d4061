import { Injectable } from '@nestjs/common';

/**
 * Tells this process's photo worker that photos were committed, so it starts within milliseconds
 * instead of at its next poll. Only a hint: the poll still finds everything (other replicas' uploads).
 */
@Injectable()
export class PhotoQueueSignal {
  private listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
