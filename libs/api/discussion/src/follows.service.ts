import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@plaza/api/auth';
import type { FollowState } from '@plaza/shared/contracts';
import { DiscussionErrors } from './discussion.errors';
import { ModerationRepository } from './moderation.repository';
import { TargetsRepository, type ThreadType } from './targets.repository';

/** Subscriptions to a proposal or report; delivery comes with the notifications feature. */
@Injectable()
export class FollowsService {
  constructor(
    private readonly repository: ModerationRepository,
    private readonly targets: TargetsRepository,
  ) {}

  /** Whether the caller follows it, and how many do (the report page has no viewer block of its own). */
  state(user: AuthUser, type: ThreadType, publicId: string): Promise<FollowState> {
    return this.repository.transaction(async (manager) => {
      const thread = await this.targets.thread(manager, type, publicId);
      if (!thread || !thread.visible) throw DiscussionErrors.targetNotFound(type, publicId);
      return {
        followers: await this.repository.followers(manager, type, thread.id),
        following: await this.repository.isFollowing(manager, type, thread.id, user.id),
      };
    });
  }

  set(user: AuthUser, type: ThreadType, publicId: string, on: boolean): Promise<FollowState & { changed: boolean }> {
    return this.repository.transaction(async (manager) => {
      const thread = await this.targets.thread(manager, type, publicId);
      if (!thread || !thread.visible) throw DiscussionErrors.targetNotFound(type, publicId);
      const changed = await this.repository.follow(manager, type, thread.id, user.id, on);
      return { followers: await this.repository.followers(manager, type, thread.id), following: on, changed };
    });
  }
}
