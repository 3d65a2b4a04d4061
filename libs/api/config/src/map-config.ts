import type { Locale } from '@plaza/shared/contracts';
import { DEFAULT_ALERTS_PRIVACY_NOTICE, DEFAULT_PRIVACY_NOTICE } from './privacy-notice';

type Env = Record<string, string | undefined>;

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
// OSM's tile usage policy asks for this credit, linked to the copyright page; it needs no translation.
export const DEFAULT_TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

export interface MapConfig {
  /** The public map's base layer: any XYZ tile server (TILE_URL, TILE_ATTRIBUTION, TILE_MAX_ZOOM). */
  tiles: { url: string; attribution: string; maxZoom: number };
  /**
   * Data-protection notice shown before a citizen files a report, one text per language
   * (PRIVACY_NOTICE_ES, _EN, _CA, _EU, _GL; paragraphs separated by blank lines or `\n\n`).
   * The built-in Spanish and English texts are used when none is set.
   */
  privacyNotice: Partial<Record<Locale, string>>;
  /** The notice of the alerts form (ALERTS_PRIVACY_NOTICE_ES, …), with built-in Spanish and English texts. */
  alertsPrivacyNotice: Partial<Record<Locale, string>>;
}

const NOTICE_LOCALES: Locale[] = ['es', 'en', 'ca', 'eu', 'gl'];

export function readMapConfig(env: Env, problems: string[]): MapConfig {
  const url = env['TILE_URL']?.trim() || DEFAULT_TILE_URL;
  if (!/\{z\}/.test(url) || !/\{x\}/.test(url) || !/\{y\}/.test(url)) {
    problems.push(`TILE_URL must be an XYZ template with {z}, {x} and {y} (got "${url}")`);
  } else if (!/^(https?:\/\/|\/)/.test(url)) {
    problems.push(`TILE_URL must be an http(s) URL or a path on this site (got "${url}")`);
  }
  // A custom tile server brings its own credit; OpenStreetMap's would be wrong there.
  const attribution = env['TILE_ATTRIBUTION']?.trim() ?? (url === DEFAULT_TILE_URL ? DEFAULT_TILE_ATTRIBUTION : '');
  const maxZoomRaw = env['TILE_MAX_ZOOM']?.trim();
  const maxZoom = maxZoomRaw ? Number(maxZoomRaw) : 19;
  if (!Number.isInteger(maxZoom) || maxZoom < 1 || maxZoom > 22) {
    problems.push(`TILE_MAX_ZOOM must be an integer from 1 to 22 (got "${maxZoomRaw}")`);
  }

  const notice = readNotice(env, 'PRIVACY_NOTICE');
  const alertsNotice = readNotice(env, 'ALERTS_PRIVACY_NOTICE');
  return {
    tiles: { url, attribution, maxZoom },
    privacyNotice: Object.keys(notice).length > 0 ? notice : DEFAULT_PRIVACY_NOTICE,
    alertsPrivacyNotice: Object.keys(alertsNotice).length > 0 ? alertsNotice : DEFAULT_ALERTS_PRIVACY_NOTICE,
  };
}

/** `${prefix}_ES`, `_EN`, … from the environment; `\n` in a value is a line break. */
function readNotice(env: Env, prefix: string): Partial<Record<Locale, string>> {
  const notice: Partial<Record<Locale, string>> = {};
  for (const locale of NOTICE_LOCALES) {
    const text = env[`${prefix}_${locale.toUpperCase()}`]?.replace(/\\n/g, '\n').trim();
    if (text) notice[locale] = text;
  }
  return notice;
}

/** The notice in a language: that language, else Spanish, else English, else whichever was set. */
export function privacyNoticeFor(notice: MapConfig['privacyNotice'], locale: Locale): { locale: Locale; paragraphs: string[] } {
  const chosen = ([locale, 'es', 'en', ...NOTICE_LOCALES] as Locale[]).find((l) => notice[l]) ?? 'es';
  const paragraphs = (notice[chosen] ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  return { locale: chosen, paragraphs };
}
