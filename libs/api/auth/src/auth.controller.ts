import { Body, Controller, Get, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { clientInfo, PublicLimits } from '@plaza/api/abuse';
import { parseInput, RequestLocale } from '@plaza/api/http';
import type { Locale, SessionView, SignupAccepted } from '@plaza/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from './access.decorator';
import { authContextOf, CurrentAuth, type AuthContext } from './auth-context';
import { AuthService, type SignedIn } from './auth.service';
import { EmailLinkDto, EmailLinkVerifyDto, LoginDto, PasswordChangeDto, SignupDto } from './dto/auth.dto';
import { readCookie } from './session-cookie';
import { SessionService } from './session.service';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly limits: PublicLimits,
  ) {}

  @Post('signup')
  @Access('public')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Create a citizen account: always 202 "check your mail" (a new address gets the link that finishes the sign-up, a taken one a note to its owner)',
  })
  async signup(@Body() body: unknown, @Req() request: FastifyRequest, @RequestLocale() locale: Locale): Promise<SignupAccepted> {
    const input = parseInput(SignupDto, body);
    await this.limits.admit(clientInfo(request));
    await this.auth.signup(input, request.ip, locale);
    return { status: 'check_mail' };
  }

  @Post('login')
  @Access('public')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; sets the session cookie' })
  async login(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionView> {
    const input = parseInput(LoginDto, body);
    return this.started(reply, await this.auth.login(input, request.ip, readCookie(request.headers.cookie)));
  }

  @Post('logout')
  @Access('signed-in')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session' })
  async logout(
    @CurrentAuth() context: AuthContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(context);
    void reply.header('set-cookie', this.sessions.clearedCookie());
  }

  @Post('logout-everywhere')
  @Access('signed-in')
  @HttpCode(204)
  @ApiOperation({ summary: 'End every session of this account, on every device' })
  async logoutEverywhere(
    @CurrentAuth() context: AuthContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logoutEverywhere(context);
    void reply.header('set-cookie', this.sessions.clearedCookie());
  }

  @Get('me')
  @Access('signed-in')
  @ApiOperation({ summary: 'The signed-in user, their roles and departments, and the CSRF token' })
  me(@CurrentAuth() context: AuthContext): SessionView {
    return this.sessions.view(context);
  }

  @Get('session')
  @Access('public')
  // Depends on the cookie: never stored by any cache.
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'The current session if there is one (as /auth/me), else 204 No Content',
    description:
      'For pages that work signed in or not: an anonymous visitor is a normal answer, not an error, so browsers log no failed request on every page load.',
  })
  session(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): SessionView | undefined {
    const context = authContextOf(request);
    if (!context) {
      void reply.status(204);
      return undefined;
    }
    return this.sessions.view(context);
  }

  @Post('email-link')
  @Access('public')
  @HttpCode(202)
  @ApiOperation({ summary: 'Mail a one-time sign-in link (always 202: no account enumeration)' })
  async emailLink(@Body() body: unknown, @Req() request: FastifyRequest): Promise<void> {
    const input = parseInput(EmailLinkDto, body);
    await this.limits.admit(clientInfo(request));
    await this.auth.requestEmailLink(input, request.ip);
  }

  @Post('email-link/verify')
  @Access('public')
  @HttpCode(200)
  @ApiOperation({ summary: 'Spend a sign-in link token and start the session' })
  async verifyEmailLink(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionView> {
    const { token } = parseInput(EmailLinkVerifyDto, body);
    const signedIn = await this.auth.verifyEmailLink(token, readCookie(request.headers.cookie));
    return { ...this.started(reply, signedIn), next: signedIn.next };
  }

  @Post('password')
  @Access('signed-in')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password; ends the account\u2019s other sessions' })
  async changePassword(
    @CurrentAuth() context: AuthContext,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.auth.changePassword(context, parseInput(PasswordChangeDto, body), request.ip);
  }

  private started(reply: FastifyReply, signedIn: SignedIn): SessionView {
    void reply.header('set-cookie', this.sessions.cookieFor(signedIn.token));
    return signedIn.view;
  }
}
