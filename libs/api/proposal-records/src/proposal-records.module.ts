import { Module } from '@nestjs/common';
import { ProposalRecordsRepository } from './proposal-records.repository';
import { ProposalTimeline } from './proposal-timeline.repository';

/** The proposals' data floor: the one writer of the proposal timeline and the proposal writes other libraries make. */
@Module({ providers: [ProposalTimeline, ProposalRecordsRepository], exports: [ProposalTimeline, ProposalRecordsRepository] })
export class ProposalRecordsModule {}
