import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { clientInfo, PublicLimits } from '@plaza/api/abuse';
import { Access } from '@plaza/api/auth';
import { parseInput, RequestLocale } from '@plaza/api/http';
import type { AlertConfirmResult, AlertSubscribeResult, Locale } from '@plaza/shared/contracts';
import type { FastifyRequest } from 'fastify';
import { AlertsService } from './alerts.service';
import { CreateAlertDto } from './dto/create-alert.dto';

@ApiTags('alerts')
@Access('public')
@Controller({ path: 'alerts', version: '1' })
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly limits: PublicLimits,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Subscribe an email to new public reports in an area, around a point or in a category (no account)',
    description:
      'Mails a confirmation link; nothing is sent until it is followed. The answer is the same for a new, pending or already confirmed subscription.',
  })
  @ApiBody({ type: CreateAlertDto })
  @ApiAcceptedResponse({ description: '`{ "status": "confirmation_sent" }`' })
  async subscribe(
    @Req() request: FastifyRequest,
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
  ): Promise<AlertSubscribeResult> {
    const input = parseInput(CreateAlertDto, body);
    await this.limits.admit(clientInfo(request));
    return this.alerts.subscribe(input, locale, request.ip);
  }

  @Post('confirm/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a subscription with the token from its confirmation email' })
  @ApiOkResponse({ description: 'What the alert watches, in the request language' })
  confirm(@Param('token') token: string, @RequestLocale() locale: Locale): Promise<AlertConfirmResult> {
    return this.alerts.confirm(token, locale);
  }
}
