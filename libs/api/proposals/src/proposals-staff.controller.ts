import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, departmentIdsOf, isCityWide, type AuthUser } from '@plaza/api/auth';
import { DomainError, parseInput, RequestLocale } from '@plaza/api/http';
import {
  LOCALES,
  PROPOSAL_OUTCOMES,
  type HiddenProposalView,
  type Locale,
  type ProposalAnswerTemplate,
  type ProposalDetail,
  type ProposalPage,
  type StaffProposalDetail,
} from '@plaza/shared/contracts';
import { parseProposalListQuery } from './dto/list-proposals.query';
import { EvaluateProposalDto, LinkReportDto, OfficialAnswerDto, ProposalProgressDto } from './dto/staff-proposal.dto';
import { parseProposalId } from './proposals.errors';
import { ProposalsService } from './proposals.service';

type Detail = ProposalDetail | HiddenProposalView;

@ApiTags('staff: proposals')
@Access('community_manager', 'admin')
@Controller({ path: 'staff', version: '1' })
export class ProposalsStaffController {
  constructor(private readonly proposals: ProposalsService) {}

  @Get('proposals')
  @Access('department_staff', 'community_manager', 'admin')
  @ApiOperation({ summary: 'Proposals for the console, any status (hidden included)' })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @RequestLocale() locale: Locale,
  ): Promise<ProposalPage> {
    // Department staff see the proposals their departments answer (docs/console.md); CMs and admins all.
    const departmentIds = isCityWide(user) ? null : departmentIdsOf(user);
    return this.proposals.list({ ...parseProposalListQuery(query, { staff: true }), departmentIds }, locale);
  }

  @Get('proposals/:id')
  @Access('department_staff', 'community_manager', 'admin')
  @ApiOperation({ summary: 'One proposal for staff, hidden ones included, with the moderation decision in force' })
  detail(@CurrentUser() user: AuthUser, @Param('id') id: string, @RequestLocale() locale: Locale): Promise<StaffProposalDetail> {
    return this.proposals.staffDetail(user, parseProposalId(id), locale);
  }

  @Get('proposal-templates')
  @Access('department_staff', 'community_manager', 'admin')
  @ApiOperation({ summary: 'Templates for official answers' })
  templates(@Query('locale') locale?: string, @Query('outcome') outcome?: string): Promise<ProposalAnswerTemplate[]> {
    if (locale !== undefined && !(LOCALES as readonly string[]).includes(locale)) {
      throw DomainError.invalidQuery('locale', `locale must be one of ${LOCALES.join(', ')}`, 'not_allowed');
    }
    if (outcome !== undefined && !(PROPOSAL_OUTCOMES as readonly string[]).includes(outcome)) {
      throw DomainError.invalidQuery('outcome', `outcome must be one of ${PROPOSAL_OUTCOMES.join(', ')}`, 'not_allowed');
    }
    return this.proposals.templates(locale ?? null, outcome ?? null);
  }

  @Post('proposals/:id/evaluate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start the evaluation and name the department that must answer' })
  evaluate(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown, @RequestLocale() locale: Locale): Promise<Detail> {
    return this.proposals.evaluate(user, parseProposalId(id), parseInput(EvaluateProposalDto, body), locale);
  }

  @Post('proposals/:id/answer')
  @Access('department_staff', 'community_manager', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'The official answer (from a template): accepted, partially accepted or rejected' })
  answer(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown, @RequestLocale() locale: Locale): Promise<Detail> {
    const input = parseInput(OfficialAnswerDto, body);
    return this.proposals.answer(user, parseProposalId(id), input, locale);
  }

  @Post('proposals/:id/progress')
  @Access('department_staff', 'community_manager', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Execution: in_execution, then completed' })
  progress(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown, @RequestLocale() locale: Locale): Promise<Detail> {
    const input = parseInput(ProposalProgressDto, body);
    return this.proposals.progress(user, parseProposalId(id), input, locale);
  }

  @Post('proposals/:id/reports')
  @HttpCode(200)
  @ApiOperation({ summary: 'Link a related incident report' })
  link(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown, @RequestLocale() locale: Locale): Promise<Detail> {
    const input = parseInput(LinkReportDto, body);
    return this.proposals.linkReport(user, parseProposalId(id), input.reportRef, true, locale);
  }

  @Delete('proposals/:id/reports/:ref')
  @ApiOperation({ summary: 'Unlink a report' })
  unlink(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('ref') ref: string, @RequestLocale() locale: Locale): Promise<Detail> {
    return this.proposals.linkReport(user, parseProposalId(id), ref.slice(0, 40), false, locale);
  }
}
