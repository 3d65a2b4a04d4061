import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { DomainError, parseInput } from '@plaza/api/http';
import { FLAG_TARGET_TYPES, type BlockedUserView, type BlockView, type FlagCount, type FlagTargetType, type FlaggedTarget, type ModerationDecisionView } from '@plaza/shared/contracts';
import { DiscussionErrors } from '@plaza/api/participation-data';
import { BlockUserDto, HideDto, ReviewOutcomeDto } from './dto/moderation.dto';
import { ModerationService } from './moderation.service';

/** The community manager's moderation: the flag queue, hiding, reviews and blocks. */
@ApiTags('staff: moderation')
@Access('community_manager', 'admin')
@Controller({ path: 'staff', version: '1' })
export class ModerationStaffController {
  constructor(private readonly moderation: ModerationService) {}

  @Get('flags')
  @ApiOperation({ summary: 'Flags grouped by target, with counts by reason (state=open by default, or all)' })
  queue(@Query('state') state?: string): Promise<FlaggedTarget[]> {
    if (state !== undefined && state !== 'open' && state !== 'all') {
      throw DomainError.invalidQuery('state', 'state must be open or all', 'not_allowed');
    }
    return this.moderation.queue(state !== 'all');
  }

  @Get('flags/count')
  @ApiOperation({ summary: 'Counts for the console navigation: open flagged targets, provisional hides, pending reviews' })
  count(): Promise<FlagCount> {
    return this.moderation.counts();
  }

  @Post('flags/:targetType/:targetId/hide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hide the content (a public placeholder shows the reason) and close its flags' })
  hide(@CurrentUser() user: AuthUser, @Param('targetType') type: string, @Param('targetId') id: string, @Body() body: unknown): Promise<ModerationDecisionView> {
    const input = parseInput(HideDto, body);
    return this.moderation.hideByModerator(user, targetType(type, id), id, input.reason, input.note?.trim() || null);
  }

  @Post('flags/:targetType/:targetId/dismiss')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss the flags (and lift a provisional hide)' })
  dismiss(@CurrentUser() user: AuthUser, @Param('targetType') type: string, @Param('targetId') id: string): Promise<FlaggedTarget> {
    return this.moderation.dismiss(user, targetType(type, id), id);
  }

  @Get('review-requests')
  @ApiOperation({ summary: 'Decisions whose authors asked for a review' })
  reviews(): Promise<ModerationDecisionView[]> {
    return this.moderation.pendingReviews();
  }

  @Post('moderation-decisions/:id/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the review: upheld, or reversed (the content comes back)' })
  review(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<ModerationDecisionView> {
    const input = parseInput(ReviewOutcomeDto, body);
    return this.moderation.review(user, id, input.outcome, input.note);
  }

  @Get('blocks')
  @ApiOperation({ summary: 'Blocked citizens (user id, justification, date, content still public)' })
  blocks(): Promise<BlockedUserView[]> {
    return this.moderation.blocks();
  }

  @Post('users/:id/block')
  @HttpCode(200)
  @ApiOperation({ summary: 'Block a citizen from posting, with a written justification (optionally hiding all their content)' })
  block(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<BlockView> {
    const input = parseInput(BlockUserDto, body);
    return this.moderation.block(user, id, input.justification, input.hideContent ?? false);
  }

  @Delete('users/:id/block')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unblock (hidden content stays hidden; reviews bring items back one by one)' })
  async unblock(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    await this.moderation.unblock(user, id);
  }
}

function targetType(raw: string, id: string): FlagTargetType {
  if (!(FLAG_TARGET_TYPES as readonly string[]).includes(raw)) throw DiscussionErrors.targetNotFound(raw.slice(0, 20), id);
  return raw as FlagTargetType;
}
