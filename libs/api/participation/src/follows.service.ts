import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@plaza/api/auth';
import type { FollowState } from '@plaza/shared/contracts';
import { DiscussionErrors, FollowsRepository, TargetsRepository, type ThreadType } from '@plaza/api/participation-data';
import { DataSource } from 'typeorm';

/** Subscriptions to a proposal or report; delivery comes with the notifications feature. */
@Injectable()
export class FollowsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly follows: FollowsRepository,
    private readonly targets: TargetsRepository,
  ) {}

  /** Whether the caller follows it, and how many do (the report page has no viewer block of its own). */
  state(user: AuthUser, type: ThreadType, publicId: string): Promise<FollowState> {
    return this.db.transaction(async (manager) => {
      const thread = await this.targets.thread(manager, type, publicId);
      if (!thread || !thread.visible) throw DiscussionErrors.targetNotFound(type, publicId);
      return {
        followers: await this.follows.count(manager, type, thread.id),
        following: await this.follows.isFollowing(manager, type, thread.id, user.id),
      };
    });
  }

  set(user: AuthUser, type: ThreadType, publicId: string, on: boolean): Promise<FollowState & { changed: boolean }> {
    return this.db.transaction(async (manager) => {
      const thread = await this.targets.thread(manager, type, publicId);
      if (!thread || !thread.visible) throw DiscussionErrors.targetNotFound(type, publicId);
      const changed = await this.follows.set(manager, type, thread.id, user.id, on);
      return { followers: await this.follows.count(manager, type, thread.id), following: on, changed };
    });
  }
}
