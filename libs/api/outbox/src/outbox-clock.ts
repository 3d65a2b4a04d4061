import { Injectable } from '@nestjs/common';

/**
 * The outbox's only source of time: due dates, leases, backoff and the retry window all read it,
 * so a test can walk through hours of outage by moving it instead of sleeping.
 */
@Injectable()
export class OutboxClock {
  now(): Date {
    return new Date();
  }
}
