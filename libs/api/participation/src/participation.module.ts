import { Module } from '@nestjs/common';
import { ParticipationDataModule } from '@plaza/api/participation-data';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { FollowsService } from './follows.service';
import { ParticipationController } from './participation.controller';

/** Comments on proposals and reports, and following them. */
@Module({
  imports: [ParticipationDataModule],
  controllers: [CommentsController, ParticipationController],
  providers: [CommentsService, FollowsService],
})
export class ParticipationModule {}
