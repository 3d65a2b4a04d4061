import type { Open311Attributes, Open311SubmissionExtras } from '@plaza/api/open311-records';
import { REPORT_LIMITS, type CreateReportInput } from '@plaza/shared/contracts';
import { Open311Error } from './open311.errors';

/** "free form text limited to 4,000 characters" (GeoReport v2, POST Service Request). */
export const OPEN311_DESCRIPTION_MAX = 4000;
export const DERIVED_TITLE_MAX = 80;
const MEDIA_URL_MAX = 2048;
/** Bounds on what a client may attach as attributes: generous for real services, useless for abuse. */
export const ATTRIBUTE_LIMITS = { count: 50, codeMax: 100, valueMax: 1000 } as const;

export type Open311Form = Record<string, unknown>;

/** What an Open311 request carries besides the report: kept with the case, never published. */
export type SubmissionExtras = Open311SubmissionExtras;

/**
 * Turns a POST Service Request form into the body a map submission would send, so that the very
 * same validation, routing and moderation apply. The reporter's contact comes from the client
 * application, whose key holder accepted Plaza's terms: consent is recorded as given through it,
 * and the name is never shown publicly (Open311 has no way to ask).
 */
export function toReportInput(
  form: Open311Form,
  category: { code: string; name: string },
): {
  input: Omit<CreateReportInput, 'lat' | 'lon'> & { lat: unknown; lon: unknown };
  extras: SubmissionExtras;
} {
  const lat = single(form, 'lat');
  const long = single(form, 'long');
  if (lat === undefined && long === undefined) {
    if (single(form, 'address_string') !== undefined || single(form, 'address_id') !== undefined) {
      throw Open311Error.badRequest(
        'lat',
        'Plaza places every request on the map: send lat and long (WGS84). An address_string or address_id alone cannot be located.',
      );
    }
    throw Open311Error.badRequest('lat', 'A location is required: send lat and long (WGS84).');
  }
  if (lat === undefined) throw Open311Error.badRequest('lat', 'lat and long must be sent together.');
  if (long === undefined) throw Open311Error.badRequest('long', 'lat and long must be sent together.');

  const description = (single(form, 'description') ?? '').trim();
  if (description.length > OPEN311_DESCRIPTION_MAX) {
    throw Open311Error.badRequest(
      'description',
      `description is limited to ${OPEN311_DESCRIPTION_MAX} characters.`,
    );
  }
  const name = [single(form, 'first_name'), single(form, 'last_name')]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  const phone = single(form, 'phone')?.trim();
  const address = single(form, 'address_string')?.trim();
  return {
    input: {
      category: category.code,
      title: deriveTitle(description, category.name),
      description,
      lat: decimal(lat),
      lon: decimal(long),
      ...(address ? { address } : {}),
      reporter: {
        name,
        email: single(form, 'email')?.trim() ?? '',
        ...(phone ? { phone } : {}),
        showName: false,
      },
      consent: true,
    },
    extras: {
      mediaUrl: mediaUrl(single(form, 'media_url')),
      deviceId: single(form, 'device_id')?.trim().slice(0, 200) || null,
      accountId: single(form, 'account_id')?.trim().slice(0, 200) || null,
      attributes: attributesOf(form),
    },
  };
}

/**
 * Plaza reports have a title; Open311 requests do not. The first sentence of the description
 * serves, shortened at a word boundary to 80 characters; without a usable one, the category name.
 */
export function deriveTitle(description: string, categoryName: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  const sentence = (/^(.+?[.!?…])(?=\s|$)/u.exec(text)?.[1] ?? text).replace(/\.$/, '').trim();
  if (sentence.length < REPORT_LIMITS.titleMin) return categoryName;
  if (sentence.length <= DERIVED_TITLE_MAX) return sentence;
  const cut = sentence.slice(0, DERIVED_TITLE_MAX - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length >= REPORT_LIMITS.titleMin ? atWord : cut).replace(/[\s,;:]+$/, '')}…`;
}

/**
 * GeoReport v2 sends a service's extra answers as `attribute[code]=value`, repeated (or as
 * `attribute[code][]`) for a multivaluelist; FixMyStreet sends its own too (`attribute[title]`,
 * `attribute[report_url]`…). Plaza defines no attributes, but keeps what clients send so staff see
 * it with the case. Empty values are dropped; codes and values are bounded (400 beyond).
 */
export function attributesOf(form: Open311Form): Open311Attributes {
  const attributes: Open311Attributes = {};
  for (const [key, raw] of Object.entries(form)) {
    const code = /^attribute\[([^\]]*)\](\[\])?$/.exec(key)?.[1]?.trim();
    if (code === undefined) continue;
    if (code === '' || code.length > ATTRIBUTE_LIMITS.codeMax) {
      throw Open311Error.badRequest(key, `attribute codes are 1 to ${ATTRIBUTE_LIMITS.codeMax} characters.`);
    }
    const values = (Array.isArray(raw) ? raw : [raw])
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.some((v) => v.length > ATTRIBUTE_LIMITS.valueMax)) {
      throw Open311Error.badRequest(key, `attribute values are limited to ${ATTRIBUTE_LIMITS.valueMax} characters.`);
    }
    if (values.length === 0) continue;
    const previous = attributes[code];
    const merged = previous === undefined ? values : [...(Array.isArray(previous) ? previous : [previous]), ...values];
    attributes[code] = merged.length === 1 ? (merged[0] as string) : merged;
  }
  if (Object.keys(attributes).length > ATTRIBUTE_LIMITS.count) {
    throw Open311Error.badRequest('attribute', `at most ${ATTRIBUTE_LIMITS.count} attributes may be sent.`);
  }
  return attributes;
}

/** One value of a form field; a field sent twice is refused rather than guessed at. */
function single(form: Open311Form, name: string): string | undefined {
  const value = form[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw Open311Error.badRequest(name, `${name} may be given once.`);
  return value;
}

/** Numbers stay strings when they are not numbers, so Plaza's own validation names the field. */
function decimal(value: string): number | string {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

/** Only http(s) links are kept, and never fetched: Plaza does not vouch for content it did not receive. */
function mediaUrl(value: string | undefined): string | null {
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw Open311Error.badRequest('media_url', 'media_url must be an http or https URL.');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.href.length > MEDIA_URL_MAX) {
    throw Open311Error.badRequest('media_url', 'media_url must be an http or https URL.');
  }
  return url.href;
}
