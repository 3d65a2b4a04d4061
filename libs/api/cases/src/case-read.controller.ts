import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, departmentScopeOf, type AuthUser } from '@plaza/api/auth';
import { RequestLocale } from '@plaza/api/http';
import type { CaseDetail, CaseInbox, FilledTemplate, Locale } from '@plaza/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseEventsService, type CaseChange } from './case-events.service';
import { CaseViewService } from './case-view.service';
import { ContactAccessLog } from './contact-access-log';
import { CaseWorkService } from './case-work.service';
import { parseInboxQuery } from './dto/inbox.query';

const HEARTBEAT_MS = 20_000;

/** What the console reads: the inbox, one case, a filled template, and the live stream of changes. */
@ApiTags('staff')
@Access('department_staff', 'community_manager', 'admin')
@Controller({ path: 'staff/cases', version: '1' })
export class CaseReadController {
  constructor(
    private readonly view: CaseViewService,
    private readonly work: CaseWorkService,
    private readonly events: CaseEventsService,
    private readonly contactAccess: ContactAccessLog,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Inbox: cases the caller may see, with counts per queue' })
  @ApiQuery({ name: 'queue', required: false, enum: ['moderation', 'unassigned', 'overdue', 'referred', 'drafts', 'all'] })
  inbox(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @RequestLocale() locale: Locale,
  ): Promise<CaseInbox> {
    return this.view.inbox(user, parseInboxQuery(query), locale);
  }

  @Get('events')
  @ApiOperation({ summary: 'Live stream (Server-Sent Events) of new and changed cases' })
  @ApiProduces('text/event-stream')
  stream(
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('last-event-id') lastEventId: string | undefined,
  ): void {
    const scope = departmentScopeOf(user);
    const visible = (change: CaseChange) =>
      scope === null || (change.departmentId !== null && scope.includes(change.departmentId));
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
      // Hijacked replies skip the onSend hooks: keep the correlation id the other answers carry.
      'x-request-id': String(request.id),
    });
    const send = (change: CaseChange) => {
      if (!visible(change) || raw.destroyed) return;
      const { id, ...event } = change;
      // Without an id (a move announced at once) the client keeps its previous Last-Event-ID.
      raw.write(`${id ? `id: ${id}\n` : ''}event: case\ndata: ${JSON.stringify(event)}\n\n`);
    };
    const unsubscribe = this.events.subscribe(send, () => raw.end());
    // Headers and the first bytes go out once the stream's cursor is placed, so a client that
    // sees the stream open knows every change from then on will reach it.
    void this.events.ready().then(() => {
      if (!raw.destroyed) raw.write(`retry: 5000\n: connected\n\n`);
    });
    if (lastEventId) void this.events.changesSince(lastEventId).then((changes) => changes.forEach(send), () => undefined);
    const heartbeat = setInterval(() => {
      if (!raw.destroyed) raw.write(`: ping\n\n`);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    // The response closes when the client goes away (or the app shuts the stream).
    raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  @Get(':ref')
  @ApiOperation({ summary: 'One case: report, reporter contact, timeline, notes, drafts, nearby, routing, clock' })
  async detail(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @RequestLocale() locale: Locale): Promise<CaseDetail> {
    const detail = await this.view.detail(user, ref, locale);
    // Opening a case shows its reporter's contact: that access is audit-logged (docs/privacy.md).
    if (detail.reporter.email !== null || detail.reporter.phone !== null) await this.contactAccess.viewed(user, detail.ref);
    return detail;
  }

  @Get(':ref/template-fill')
  @ApiOperation({ summary: 'A response template with its placeholders filled for this case' })
  @ApiQuery({ name: 'templateId', required: true })
  templateFill(
    @CurrentUser() user: AuthUser,
    @Param('ref') ref: string,
    @Query('templateId') templateId: unknown,
  ): Promise<FilledTemplate> {
    return this.work.templateFill(user, ref, templateId);
  }
}
