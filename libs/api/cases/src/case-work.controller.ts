import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { parseInput, RequestLocale } from '@plaza/api/http';
import type { CaseMoveResult, Locale } from '@plaza/shared/contracts';
import type { FastifyReply } from 'fastify';
import { CaseWorkService } from './case-work.service';
import { InternalNoteDto, PublicReplyDto, ReasonDto, ResolveDto, ScheduleDto, StatusMoveDto } from './dto/moves.dto';

/** 202 when an untrusted department's message went to a community manager for approval. */
function answer(reply: FastifyReply, result: CaseMoveResult): CaseMoveResult {
  if (result.outcome === 'sent_for_approval') reply.status(202);
  return result;
}

/** Moves of everyone who works a case; department staff only on their departments' cases. */
@ApiTags('staff')
@Access('department_staff', 'community_manager', 'admin')
@Controller({ path: 'staff/cases/:ref', version: '1' })
export class CaseWorkController {
  constructor(private readonly work: CaseWorkService) {}

  @Post('replies')
  @HttpCode(200)
  @ApiOperation({ summary: 'Public reply (from a template or not), published or sent for approval' })
  async reply(
    @CurrentUser() user: AuthUser,
    @Param('ref') ref: string,
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseMoveResult> {
    return answer(reply, await this.work.reply(user, ref, parseInput(PublicReplyDto, body), locale));
  }

  @Post('notes')
  @HttpCode(201)
  @ApiOperation({ summary: 'Internal note, for community managers only or also the departments' })
  note(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Body() body: unknown, @RequestLocale() locale: Locale) {
    return this.work.note(user, ref, parseInput(InternalNoteDto, body), locale);
  }

  @Post('acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Department acknowledges the case (→ investigating)' })
  async acknowledge(
    @CurrentUser() user: AuthUser,
    @Param('ref') ref: string,
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseMoveResult> {
    return answer(reply, await this.work.acknowledge(user, ref, parseInput(StatusMoveDto, body ?? {}), locale));
  }

  @Post('schedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Department schedules the work (→ action_scheduled)' })
  async schedule(
    @CurrentUser() user: AuthUser,
    @Param('ref') ref: string,
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseMoveResult> {
    return answer(reply, await this.work.schedule(user, ref, parseInput(ScheduleDto, body ?? {}), locale));
  }

  @Post('start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Department starts the work (→ in_progress)' })
  async start(
    @CurrentUser() user: AuthUser,
    @Param('ref') ref: string,
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseMoveResult> {
    return answer(reply, await this.work.start(user, ref, parseInput(StatusMoveDto, body ?? {}), locale));
  }

  @Post('resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark fixed/closed/… with a public response (sent for approval when untrusted)' })
  async resolve(
    @CurrentUser() user: AuthUser,
    @Param('ref') ref: string,
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseMoveResult> {
    return answer(reply, await this.work.resolve(user, ref, parseInput(ResolveDto, body), locale));
  }

  @Post('refer-back')
  @HttpCode(200)
  @ApiOperation({ summary: 'Department refers the case back to the community managers, with a reason' })
  referBack(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Body() body: unknown, @RequestLocale() locale: Locale) {
    return this.work.referBack(user, ref, parseInput(ReasonDto, body), locale);
  }
}
