import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { parseInput, RequestLocale } from '@plaza/api/http';
import type { BulkMoveResult, CaseMoveResult, Locale } from '@plaza/shared/contracts';
import { CaseIntakeService } from './case-intake.service';
import { CaseModerationService } from './case-moderation.service';
import { CaseWorkService } from './case-work.service';
import { BulkMoveDto } from './dto/bulk.dto';
import { FileOnBehalfDto } from './dto/file-on-behalf.dto';
import {
  ApproveDraftDto,
  AssignDto,
  ChangeCategoryDto,
  ChangeLocationDto,
  EditTextDto,
  MergeDto,
  PhotoVisibilityDto,
  PriorityDto,
  PublishDto,
  ReasonDto,
} from './dto/moves.dto';

/** The community managers' moves (admins may make them too). Each answers the fresh case. */
@ApiTags('staff')
@Access('community_manager', 'admin')
@Controller({ path: 'staff/cases', version: '1' })
export class CaseModerationController {
  constructor(
    private readonly moderation: CaseModerationService,
    private readonly work: CaseWorkService,
    private readonly intake: CaseIntakeService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'File a report on behalf of a citizen (phone, email, in person, social media…)' })
  file(@CurrentUser() user: AuthUser, @Body() body: unknown, @RequestLocale() locale: Locale): Promise<CaseMoveResult> {
    return this.intake.fileOnBehalf(user, parseInput(FileOnBehalfDto, body), locale);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish, hide, assign or prioritise several cases at once' })
  bulk(@CurrentUser() user: AuthUser, @Body() body: unknown, @RequestLocale() locale: Locale): Promise<BulkMoveResult> {
    return this.intake.bulk(user, parseInput(BulkMoveDto, body), locale);
  }

  @Post(':ref/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a case awaiting moderation, or show a hidden one again' })
  publish(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Body() body: unknown, @RequestLocale() locale: Locale) {
    return this.moderation.publish(user, ref, parseInput(PublishDto, body ?? {}), locale);
  }

  @Post(':ref/hide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hide a case from the public, with an internal reason' })
  hide(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Body() body: unknown, @RequestLocale() locale: Locale) {
    return this.moderation.hide(user, ref, parseInput(ReasonDto, body), locale);
  }

  @Patch(':ref/text')
  @ApiOperation({ summary: 'Edit the public title/description (the original stays in the audit trail)' })
  editText(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Body() body: unknown, @RequestLocale() locale: Locale) {
    return this.moderation.editText(user, ref, parseInput(EditTextDto, body), locale);
  }

  @Patch(':ref/photos/:photoId')
  @ApiOperation({ summary: 'Hide or show a photo' })
  photo(
    @CurrentUser() user: AuthUser,
    @Param('ref') ref: string,
    @Param('photoId') photoId: string,
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
  ) {
    return this.moderation.photoVisibility(user, ref, photoId, parseInput(PhotoVisibilityDto, body), locale);
  }

  @Post(':ref/category')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the category (area and department recomputed, clock restarted)' })
  category(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Body() body: unknown, @RequestLocale() locale: Locale) {
    return this.moderation.changeCategory(user, ref, parseInput(ChangeCategoryDto, body), locale);
  }

  @Post(':ref/location')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the case (area and department recomputed)' })
  location(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Body() body: unknown, @RequestLocale() locale: Locale) {
    return this.moderation.changeLocation(user, ref, parseInput(ChangeLocationDto, body), locale);
  }

  @Post(':ref/assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign or reassign to a department (answers a referral)' })
  assign(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Body() body: unknown, @RequestLocale() locale: Locale) {
    return this.moderation.assign(user, ref, parseInput(AssignDto, body), locale);
  }

  @Post(':ref/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge this case into the original it duplicates (followers move over)' })
  merge(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Body() body: unknown, @RequestLocale() locale: Locale) {
    return this.moderation.merge(user, ref, parseInput(MergeDto, body), locale);
  }

  @Post(':ref/priority')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set the priority' })
  priority(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Body() body: unknown, @RequestLocale() locale: Locale) {
    return this.moderation.priority(user, ref, parseInput(PriorityDto, body), locale);
  }

  @Post(':ref/drafts/:draftId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve (and optionally edit) a department\u2019s draft reply: it is published' })
  approve(
    @CurrentUser() user: AuthUser,
    @Param('ref') ref: string,
    @Param('draftId') draftId: string,
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
  ) {
    return this.work.approveDraft(user, ref, draftId, parseInput(ApproveDraftDto, body ?? {}), locale);
  }

  @Post(':ref/drafts/:draftId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a department\u2019s draft back, with a reason' })
  reject(
    @CurrentUser() user: AuthUser,
    @Param('ref') ref: string,
    @Param('draftId') draftId: string,
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
  ) {
    return this.work.rejectDraft(user, ref, draftId, parseInput(ReasonDto, body), locale);
  }
}
