import { Injectable } from '@nestjs/common';

/** The retention job's only source of time, so a test can run it "a year later" by moving it. */
@Injectable()
export class RetentionClock {
  now(): Date {
    return new Date();
  }
}
