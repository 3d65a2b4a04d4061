import { isLocale, negotiateLocale, type Locale } from '@plaza/shared/contracts';
import type { FastifyRequest } from 'fastify';
import { Open311Error } from './open311.errors';

/**
 * The jurisdiction this endpoint serves: the host of PUBLIC_URL without `www.`, as the spec
 * suggests ("the jurisdiction's main website root url (without the www)").
 */
export function jurisdictionOf(publicUrl: string): string {
  return new URL(publicUrl).hostname.replace(/^www\./, '').toLowerCase();
}

/**
 * Plaza serves one jurisdiction, so jurisdiction_id is optional; one that is given and is not
 * ours names a jurisdiction that does not exist here (404, as the spec lists).
 */
export function checkJurisdiction(fields: Record<string, unknown> | undefined, ours: string): void {
  const given = fields?.['jurisdiction_id'];
  if (given === undefined || given === '') return;
  if (
    typeof given !== 'string' ||
    given
      .trim()
      .toLowerCase()
      .replace(/^www\./, '') !== ours
  ) {
    throw Open311Error.notFound(
      `jurisdiction_id "${String(given)}" was not found: this endpoint serves "${ours}".`,
      'jurisdiction_id',
    );
  }
}

/** `lang` or `locale` (query, or form for POST), then Accept-Language; Spanish by default. */
export function open311Locale(request: FastifyRequest): Locale {
  for (const source of [request.query, request.body]) {
    if (source === null || typeof source !== 'object') continue;
    for (const name of ['lang', 'locale']) {
      const value = (source as Record<string, unknown>)[name];
      if (typeof value === 'string') {
        const primary = value.toLowerCase().split(/[-_]/)[0];
        if (isLocale(primary)) return primary;
      }
    }
  }
  return negotiateLocale(request.headers['accept-language']);
}
