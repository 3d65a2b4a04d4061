import { Module } from '@nestjs/common';
import { Open311SubmissionsRepository } from './open311-submissions.repository';

/** The Open311 submissions' data floor, shared by the Open311 server and the console's case view. */
@Module({ providers: [Open311SubmissionsRepository], exports: [Open311SubmissionsRepository] })
export class Open311RecordsModule {}
