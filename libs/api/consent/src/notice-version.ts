import { createHash } from 'node:crypto';
import { privacyNoticeFor, type MapConfig } from '@plaza/api/config';
import type { Locale } from '@plaza/shared/contracts';

/** The notice a person was shown, as recorded with their consent. */
export interface NoticeVersion {
  /** The language of the text shown (the request's, or the fallback the map shows). */
  locale: Locale;
  /** First 16 hex digits of SHA-256 over the paragraphs shown: a new text is a new version. */
  version: string;
}

/**
 * Identifies the configured notice text without storing it in every record: the city keeps its
 * notice texts (PRIVACY_NOTICE_*), and any of them hashes back to the version a record names.
 * Whitespace differences that do not change what is shown do not change the version.
 */
export function noticeVersion(notice: MapConfig['privacyNotice'], locale: Locale): NoticeVersion {
  // Every filing records one: hashed once per configured text and language, not per request.
  let byLocale = VERSIONS.get(notice);
  if (!byLocale) VERSIONS.set(notice, (byLocale = new Map()));
  let known = byLocale.get(locale);
  if (!known) {
    const shown = privacyNoticeFor(notice, locale);
    const version = createHash('sha256').update(shown.paragraphs.join('\n\n')).digest('hex').slice(0, 16);
    byLocale.set(locale, (known = Object.freeze({ locale: shown.locale, version })));
  }
  return known;
}

// Keyed by the configuration's notice object (configuration does not change while it lives).
const VERSIONS = new WeakMap<MapConfig['privacyNotice'], Map<Locale, NoticeVersion>>();
