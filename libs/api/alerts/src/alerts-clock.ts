import { Injectable } from '@nestjs/common';

/**
 * The alerts' only source of time (publication times, the digest's day, token expiry), so a test
 * can run "tomorrow at 7" by moving it instead of waiting.
 */
@Injectable()
export class AlertsClock {
  now(): Date {
    return new Date();
  }
}
