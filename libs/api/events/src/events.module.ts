import { Global, Module } from '@nestjs/common';
import { TimelineListeners } from './timeline-listeners';

/** Global: every module that writes a timeline and every module that listens share one registry. */
@Global()
@Module({ providers: [TimelineListeners], exports: [TimelineListeners] })
export class EventsModule {}
