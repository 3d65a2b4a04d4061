import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { isLocale, negotiateLocale, type Locale } from '@plaza/shared/contracts';
import type { FastifyRequest } from 'fastify';

/**
 * `?lang=` wins, so a shared link shows the language it was shared in; then `Accept-Language`,
 * which the web apps set to the language on screen. (The site's remembered-language cookie is
 * deliberately not read here: public responses are cached per `Accept-Language`.)
 */
export function localeOf(request: FastifyRequest): Locale {
  const query = request.query as Record<string, unknown> | undefined;
  const lang = query?.['lang'];
  if (isLocale(lang)) return lang;
  return negotiateLocale(request.headers['accept-language']);
}

export const RequestLocale = createParamDecorator((_data: unknown, ctx: ExecutionContext): Locale =>
  localeOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
