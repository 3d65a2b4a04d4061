import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { parseInput } from '@plaza/api/http';
import { DiscussionErrors } from '@plaza/api/participation-data';
import type { FlagResult, ModerationDecisionView } from '@plaza/shared/contracts';
import { FlagDto, ReviewRequestDto } from './dto/moderation.dto';
import { ModerationService } from './moderation.service';

/** What a signed-in citizen asks of moderation: flag content, ask for a review of a decision about theirs. */
@ApiTags('discussion')
@Access('signed-in')
@Controller({ version: '1' })
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Post('flags')
  @HttpCode(201)
  @ApiOperation({ summary: 'Flag a comment, proposal or report (once per person and target)' })
  flag(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<FlagResult> {
    const input = parseInput(FlagDto, body);
    const details = input.details?.trim() || null;
    if (input.reason === 'other' && !details) throw DiscussionErrors.detailsRequired();
    return this.moderation.flag(user, input.targetType, input.targetId.trim(), input.reason, details);
  }

  @Post('moderation-decisions/:id/review-request')
  @HttpCode(200)
  @ApiOperation({ summary: 'The author asks, once, for a review of a decision about their content' })
  requestReview(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<ModerationDecisionView> {
    const input = parseInput(ReviewRequestDto, body);
    return this.moderation.requestReview(user, id, input.message);
  }
}
