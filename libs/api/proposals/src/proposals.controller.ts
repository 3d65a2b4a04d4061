import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, OptionalUser, type AuthUser } from '@plaza/api/auth';
import { DomainError, parseInput, RequestLocale } from '@plaza/api/http';
import type { HiddenProposalView, Locale, ProposalDetail, ProposalPage, ProposalSummary, SupportState } from '@plaza/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CreateProposalDto } from './dto/create-proposal.dto';
import { parseProposalListQuery } from './dto/list-proposals.query';
import { readMultipartProposal } from './proposal-images';
import { parseProposalId } from './proposals.errors';
import { ProposalsService } from './proposals.service';

@ApiTags('proposals')
@Access('public')
@Controller({ path: 'proposals', version: '1' })
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Get()
  @ApiOperation({ summary: 'Public proposals: filter, search (Spanish and English word forms) and sort' })
  @ApiQuery({ name: 'sort', required: false, enum: ['supports', 'newest', 'comments', 'nearest', 'relevance'] })
  @ApiQuery({ name: 'q', required: false, description: 'Full-text search (websearch syntax: "exact phrase", -word, or)' })
  @ApiQuery({ name: 'bbox', required: false, description: 'minLon,minLat,maxLon,maxLat (proposals with a point inside)' })
  @ApiQuery({ name: 'status', required: false, description: 'Status(es), comma-separated; default: all but withdrawn' })
  @ApiQuery({ name: 'theme', required: false })
  @ApiQuery({ name: 'area', required: false })
  @ApiQuery({ name: 'lat', required: false, description: 'With lon: needed by sort=nearest' })
  @ApiQuery({ name: 'lon', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1..100, default 20' })
  @ApiQuery({ name: 'offset', required: false })
  list(@Query() query: Record<string, unknown>, @RequestLocale() locale: Locale): Promise<ProposalPage> {
    return this.proposals.list(parseProposalListQuery(query), locale);
  }

  @Post()
  @Access('signed-in')
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit a proposal (JSON, or multipart/form-data with up to 3 `images`)' })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: CreateProposalDto })
  async create(
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProposalDetail | HiddenProposalView> {
    if (!request.isMultipart() && !/^application\/([\w.+-]+\+)?json\b/i.test(request.headers['content-type'] ?? '')) {
      throw new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type', 'Send application/json or multipart/form-data.');
    }
    const { fields, images } = request.isMultipart() ? await readMultipartProposal(request) : { fields: body, images: [] };
    const input = parseInput(CreateProposalDto, fields);
    const proposal = await this.proposals.create(user, input, images, locale);
    void reply.header('location', `/api/v1/proposals/${proposal.id}`);
    return proposal;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One proposal with its timeline, official answers and linked reports (a placeholder if hidden)' })
  get(@Param('id') id: string, @RequestLocale() locale: Locale, @OptionalUser() viewer: AuthUser | null): Promise<ProposalDetail | HiddenProposalView> {
    return this.proposals.get(parseProposalId(id), locale, viewer);
  }

  @Post(':id/withdraw')
  @Access('signed-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'The author withdraws their proposal (before it is decided)' })
  withdraw(@CurrentUser() user: AuthUser, @Param('id') id: string, @RequestLocale() locale: Locale): Promise<ProposalDetail | HiddenProposalView> {
    return this.proposals.withdraw(user, parseProposalId(id), locale);
  }

  @Post(':id/support')
  @Access('signed-in')
  @HttpCode(201)
  @ApiOperation({ summary: 'Support a proposal (once per person; 409 when already supported; not one\u2019s own)' })
  support(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SupportState> {
    return this.proposals.support(user, parseProposalId(id));
  }

  @Delete(':id/support')
  @Access('signed-in')
  @ApiOperation({ summary: 'Withdraw one\u2019s support' })
  withdrawSupport(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SupportState> {
    return this.proposals.withdrawSupport(user, parseProposalId(id));
  }
}

/** From a report's page to the proposals it supports. */
@ApiTags('proposals')
@Access('public')
@Controller({ path: 'reports', version: '1' })
export class ReportProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Get(':ref/proposals')
  @ApiOperation({ summary: 'Public proposals this report is linked to' })
  linked(@Param('ref') ref: string, @RequestLocale() locale: Locale): Promise<ProposalSummary[]> {
    return this.proposals.linkedTo(ref, locale);
  }
}
