import { Body, Controller, Delete, Get, Header, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAuth, SessionService, type AuthContext } from '@plaza/api/auth';
import { parseInput, RequestLocale } from '@plaza/api/http';
import type { AccountData, Locale } from '@plaza/shared/contracts';
import type { FastifyReply } from 'fastify';
import { AccountCorrectionDto, ReporterLinkDto, TokenDto } from './account-data.dto';
import { AccountDataService } from './account-data.service';

/** A citizen's data rights (docs/privacy.md, "How each right is exercised"). */
@ApiTags('account')
@Controller({ path: 'account', version: '1' })
export class AccountDataController {
  constructor(
    private readonly data: AccountDataService,
    private readonly sessions: SessionService,
  ) {}

  @Get('data')
  @Access('signed-in')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'My whole record as JSON (reports, proposals, comments, supports, follows, alerts, consents)' })
  async export(@CurrentAuth() context: AuthContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<AccountData> {
    const data = await this.data.export(context.user.id);
    void reply.header('content-disposition', `attachment; filename="plaza-my-data-${data.exportedAt.slice(0, 10)}.json"`);
    return data;
  }

  @Patch()
  @Access('signed-in')
  @ApiOperation({ summary: 'Correct my name or phone, or set my language; a new email is confirmed by a mailed link first' })
  correct(
    @CurrentAuth() context: AuthContext,
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
  ): Promise<{ emailConfirmationSent: boolean }> {
    return this.data.correct(context, parseInput(AccountCorrectionDto, body), locale);
  }

  @Post('email/confirm')
  @Access('signed-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply an email change with the link mailed to the new address' })
  confirmEmail(@CurrentAuth() context: AuthContext, @Body() body: unknown): Promise<{ email: string }> {
    return this.data.confirmEmail(context, parseInput(TokenDto, body).token);
  }

  @Delete()
  @Access('signed-in')
  @HttpCode(204)
  @ApiOperation({ summary: 'Erase my account: personal data erased, public contributions kept as "Vecino/a", sessions end' })
  async erase(@CurrentAuth() context: AuthContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.data.erase(context);
    void reply.header('set-cookie', this.sessions.clearedCookie());
  }

  @Post('data/request')
  @Access('public')
  @HttpCode(202)
  @ApiOperation({ summary: 'Reporters without an account: mail a link to the data of my reports (always 202)' })
  requestLink(@Body() body: unknown, @RequestLocale() locale: Locale): void {
    this.data.requestReporterLink(parseInput(ReporterLinkDto, body).email, locale);
  }

  @Get('data/reporter')
  @Access('public')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'The data of my reports, with the link mailed to me' })
  reporterData(@Query('token') token: unknown): Promise<AccountData> {
    return this.data.reporterData(parseInput(TokenDto, { token }).token);
  }
}
