import { Module } from '@nestjs/common';
import { CommentsController } from './comments.controller';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';
import { FollowsService } from './follows.service';
import { ModerationStaffController } from './moderation-staff.controller';
import { ModerationRepository } from './moderation.repository';
import { ModerationService } from './moderation.service';
import { ParticipationController } from './participation.controller';
import { TargetsRepository } from './targets.repository';

@Module({
  controllers: [CommentsController, ParticipationController, ModerationStaffController],
  providers: [CommentsRepository, CommentsService, TargetsRepository, ModerationRepository, ModerationService, FollowsService],
})
export class DiscussionModule {}
