import { Injectable } from '@nestjs/common';
import type { OutboxChannelHandler } from './outbox.types';

/** The channels the worker can deliver to; each feature registers its handler in onModuleInit. */
@Injectable()
export class OutboxChannels {
  private readonly handlers = new Map<string, OutboxChannelHandler>();

  register(handler: OutboxChannelHandler): void {
    if (this.handlers.has(handler.channel)) {
      throw new Error(`Outbox channel "${handler.channel}" is already registered`);
    }
    this.handlers.set(handler.channel, handler);
  }

  get(channel: string): OutboxChannelHandler | null {
    return this.handlers.get(channel) ?? null;
  }
}
