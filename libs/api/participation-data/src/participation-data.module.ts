import { Module } from '@nestjs/common';
import { BlocksRepository } from './blocks.repository';
import { CommentsRepository } from './comments.repository';
import { FollowsRepository } from './follows.repository';
import { NotificationInboxRepository } from './notification-inbox.repository';
import { TargetsRepository } from './targets.repository';

const repositories = [TargetsRepository, CommentsRepository, FollowsRepository, BlocksRepository, NotificationInboxRepository];

/** The tables participation, moderation and notifications share: comments, follows, blocks, the inbox. */
@Module({ providers: repositories, exports: repositories })
export class ParticipationDataModule {}
