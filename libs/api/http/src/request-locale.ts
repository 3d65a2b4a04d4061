import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from '@plaza/shared/contracts';
import type { FastifyRequest } from 'fastify';

const LOCALE_COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})(?:;|$)`);

/**
 * `?lang=` wins, so a shared link shows the language it was shared in; then the language the
 * visitor chose on the site (a cookie); then `Accept-Language`.
 */
export function localeOf(request: FastifyRequest): Locale {
  const query = request.query as Record<string, unknown> | undefined;
  const lang = query?.['lang'];
  if (isLocale(lang)) return lang;
  const remembered = LOCALE_COOKIE_PATTERN.exec(request.headers.cookie ?? '')?.[1];
  if (isLocale(remembered)) return remembered;
  return negotiateLocale(request.headers['accept-language']);
}

export const RequestLocale = createParamDecorator((_data: unknown, ctx: ExecutionContext): Locale =>
  localeOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
