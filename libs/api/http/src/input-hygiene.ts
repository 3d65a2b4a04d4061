import type { FieldError } from '@plaza/shared/contracts';

/**
 * Deepest JSON nesting a body may have. Plaza's deepest document, a GeoJSON MultiPolygon uploaded
 * as an area, nests 8 levels; 32 leaves room for any client and stops a 10,000-level body long
 * before class-transformer (recursive) could overflow the stack on it.
 */
export const JSON_DEPTH_MAX = 32;

/**
 * Whether a raw JSON body nests deeper than `max`, found by one pass over its bytes that counts
 * brackets outside strings — before `JSON.parse`, which takes seconds on a 1 MB body of brackets.
 * Bytes of multi-byte UTF-8 characters are all ≥ 0x80, so they never look like `"`, `\`, `[` or `{`.
 */
export function jsonNestingExceeds(body: Buffer | string, max = JSON_DEPTH_MAX): boolean {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) i++; // a backslash escapes the next byte, even a quote
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      depth++;
      if (depth > max) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    }
  }
  return false;
}

/**
 * Code points no field of Plaza accepts: NUL (PostgreSQL text cannot hold it), the other C0
 * controls except tab, line feed and carriage return (invisible, and unsafe in mail headers, CSV
 * and XML feeds), and lone UTF-16 surrogates (`"\ud800"` is valid JSON but not valid Unicode:
 * PostgreSQL refuses it as UTF-8 and XML cannot carry it).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_CODE_POINT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasInvalidCodePoint(text: string): boolean {
  return INVALID_CODE_POINT.test(text);
}

/** What a field error calls a key that itself holds an invalid code point (never echoed raw). */
function printable(key: string): string {
  return key.replace(new RegExp(INVALID_CODE_POINT.source, 'g'), '\uFFFD');
}

/**
 * The first field of a parsed value (JSON body, query, path parameters) whose text or name holds
 * an invalid code point, as a dotted path (`reporter.name`, `photos[1]`); null when all are clean.
 * Walks at most JSON_DEPTH_MAX + 1 levels: deeper values were refused before parsing.
 */
export function findInvalidText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return hasInvalidCodePoint(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > JSON_DEPTH_MAX) return null;
  // Runs on every request: a field's path is only spelled out for a value that holds more fields,
  // or for the one at fault (a clean name needs no `printable`).
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child === 'string') {
        if (hasInvalidCodePoint(child)) return `${path}[${i}]`;
      } else if (child !== null && typeof child === 'object') {
        const found = findInvalidText(child, `${path}[${i}]`, depth + 1);
        if (found !== null) return found;
      }
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (hasInvalidCodePoint(key)) return fieldPath(path, printable(key));
    const child: unknown = (value as Record<string, unknown>)[key];
    if (typeof child === 'string') {
      if (hasInvalidCodePoint(child)) return fieldPath(path, key);
    } else if (child !== null && typeof child === 'object') {
      const found = findInvalidText(child, fieldPath(path, key), depth + 1);
      if (found !== null) return found;
    }
  }
  return null;
}

function fieldPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function invalidCharacterError(field: string): FieldError {
  return {
    field,
    code: 'invalid_character',
    message: 'Contains a character that is not allowed (NUL, a control character or broken Unicode).',
  };
}

/**
 * A multipart boundary as RFC 2046 allows it (1–70 of its characters, not ending in a space).
 * Busboy throws mid-request on a missing one and cannot search for one over 256 bytes.
 */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** The boundary parameter of a `multipart/*` Content-Type, when present and valid; null otherwise. */
export function multipartBoundaryOf(contentType: string): string | null {
  const match = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary !== undefined && BOUNDARY.test(boundary) ? boundary : null;
}
