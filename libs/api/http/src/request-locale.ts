import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { isLocale, negotiateLocale, type Locale } from '@plaza/shared/contracts';
import type { FastifyRequest } from 'fastify';

/** `?lang=` wins over `Accept-Language`, so a shared link shows the language it was shared in. */
export function localeOf(request: FastifyRequest): Locale {
  const query = request.query as Record<string, unknown> | undefined;
  const lang = query?.['lang'];
  if (isLocale(lang)) return lang;
  return negotiateLocale(request.headers['accept-language']);
}

export const RequestLocale = createParamDecorator((_data: unknown, ctx: ExecutionContext): Locale =>
  localeOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
