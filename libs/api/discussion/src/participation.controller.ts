import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { parseInput } from '@plaza/api/http';
import type { FlagResult, FollowState, ModerationDecisionView, NotificationView } from '@plaza/shared/contracts';
import type { FastifyReply } from 'fastify';
import { DiscussionErrors } from './discussion.errors';
import { FlagDto, ReviewRequestDto } from './dto/discussion.dto';
import { FollowsService } from './follows.service';
import { ModerationService } from './moderation.service';
import type { ThreadType } from './targets.repository';

/** What a signed-in citizen does besides commenting: follow, flag, read why something was hidden, ask for a review. */
@ApiTags('discussion')
@Access('signed-in')
@Controller({ version: '1' })
export class ParticipationController {
  constructor(
    private readonly follows: FollowsService,
    private readonly moderation: ModerationService,
  ) {}

  @Get('proposals/:id/follow')
  @ApiOperation({ summary: 'Whether the caller follows a proposal, and the follower count' })
  followingProposal(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<FollowState> {
    return this.follows.state(user, 'proposal', id);
  }

  @Get('reports/:ref/follow')
  @ApiOperation({ summary: 'Whether the caller follows a report, and the follower count' })
  followingReport(@CurrentUser() user: AuthUser, @Param('ref') ref: string): Promise<FollowState> {
    return this.follows.state(user, 'report', ref);
  }

  @Post('proposals/:id/follow')
  @ApiOperation({ summary: 'Follow a proposal (201; 200 when already following)' })
  followProposal(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<FollowState> {
    return this.follow(user, 'proposal', id, true, reply);
  }

  @Delete('proposals/:id/follow')
  @ApiOperation({ summary: 'Stop following a proposal' })
  unfollowProposal(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<FollowState> {
    return this.follow(user, 'proposal', id, false, reply);
  }

  @Post('reports/:ref/follow')
  @ApiOperation({ summary: 'Follow a public report (201; 200 when already following)' })
  followReport(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<FollowState> {
    return this.follow(user, 'report', ref, true, reply);
  }

  @Delete('reports/:ref/follow')
  @ApiOperation({ summary: 'Stop following a report' })
  unfollowReport(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<FollowState> {
    return this.follow(user, 'report', ref, false, reply);
  }

  @Post('flags')
  @HttpCode(201)
  @ApiOperation({ summary: 'Flag a comment, proposal or report (once per person and target)' })
  flag(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<FlagResult> {
    const input = parseInput(FlagDto, body);
    const details = input.details?.trim() || null;
    if (input.reason === 'other' && !details) throw DiscussionErrors.detailsRequired();
    return this.moderation.flag(user, input.targetType, input.targetId.trim(), input.reason, details);
  }

  @Get('me/notifications')
  @ApiOperation({ summary: 'The caller\u2019s notifications (why content was hidden, review outcomes)' })
  notifications(@CurrentUser() user: AuthUser): Promise<NotificationView[]> {
    return this.moderation.notifications(user);
  }

  @Post('me/notifications/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of the caller\u2019s notifications as read' })
  async markRead(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    await this.moderation.markRead(user, id);
  }

  @Post('moderation-decisions/:id/review-request')
  @HttpCode(200)
  @ApiOperation({ summary: 'The author asks, once, for a review of a decision about their content' })
  requestReview(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<ModerationDecisionView> {
    const input = parseInput(ReviewRequestDto, body);
    return this.moderation.requestReview(user, id, input.message);
  }

  private async follow(user: AuthUser, type: ThreadType, id: string, on: boolean, reply: FastifyReply): Promise<FollowState> {
    const { changed, ...state } = await this.follows.set(user, type, id, on);
    void reply.status(on && changed ? 201 : 200);
    return state;
  }
}
