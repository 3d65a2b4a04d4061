import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Access, CrossOriginAllowed } from '@plaza/api/auth';
import { DomainError, RequestLocale } from '@plaza/api/http';
import type { Locale, UnsubscribeView } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { UnsubscribeLinks } from '@plaza/api/outbox';

const invalidLink = () =>
  new DomainError('UNSUBSCRIBE.INVALID_LINK', 'not_found', 'This unsubscribe link is not valid or no longer names anything.');

/**
 * Unsubscribe links from mails, without signing in. GET only describes (mail scanners follow
 * links); POST acts, and is what RFC 8058 one-click clients send (`List-Unsubscribe=One-Click`).
 */
@ApiTags('notifications')
@Access('public')
@Controller({ path: 'unsubscribe', version: '1' })
export class UnsubscribeController {
  constructor(
    private readonly links: UnsubscribeLinks,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get(':token')
  @ApiOperation({ summary: 'What this unsubscribe link would stop (does not act)' })
  async describe(@Param('token') token: string, @RequestLocale() locale: Locale): Promise<UnsubscribeView> {
    const resolved = this.links.resolve(token);
    if (!resolved) throw invalidLink();
    const description = await resolved.handler.describe(resolved.claim.subject, locale);
    if (description === null) throw invalidLink();
    return { kind: resolved.claim.kind, description, done: false };
  }

  @Post(':token')
  @HttpCode(200)
  // Mail providers send the one-click POST from their own servers, with no session and any origin.
  @CrossOriginAllowed()
  @ApiOperation({ summary: 'Unsubscribe (RFC 8058 one-click; idempotent, no sign-in)' })
  async unsubscribe(@Param('token') token: string, @RequestLocale() locale: Locale): Promise<UnsubscribeView> {
    const resolved = this.links.resolve(token);
    if (!resolved) throw invalidLink();
    const { claim, handler } = resolved;
    await this.db.transaction((manager) => handler.unsubscribe(manager, claim.subject));
    const description = (await handler.describe(claim.subject, locale)) ?? claim.kind;
    return { kind: claim.kind, description, done: true };
  }
}
