type Env = Record<string, string | undefined>;

/**
 * The address search (docs/decisions/0008-geocoder.md): a Nominatim- or Photon-compatible service
 * the city runs or contracts, at GEOCODER_URL. Unset: the search knows the city's districts and
 * the addresses of past reports only.
 */
export interface GeocoderConfig {
  /** Base URL of the service (its /search and /reverse, or Photon's /api and /reverse), or null. */
  url: string | null;
  /** The API's dialect: `nominatim` (default) or `photon`. */
  flavour: 'nominatim' | 'photon';
  /** Give up after this long and answer from the local search. */
  timeoutMs: number;
}

export function readGeocoderConfig(env: Env, problems: string[]): GeocoderConfig {
  const raw = env['GEOCODER_URL']?.trim() || null;
  let url: string | null = null;
  if (raw) {
    try {
      const parsed = new URL(raw);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') problems.push(`GEOCODER_URL must use http: or https: (got "${parsed.protocol}")`);
      else url = raw.replace(/\/+$/, '');
    } catch {
      problems.push(`GEOCODER_URL is not a URL (got "${raw}")`);
    }
  }
  const flavourRaw = env['GEOCODER_FLAVOUR']?.trim().toLowerCase() || 'nominatim';
  if (flavourRaw !== 'nominatim' && flavourRaw !== 'photon') problems.push(`GEOCODER_FLAVOUR must be nominatim or photon (got "${flavourRaw}")`);
  const timeoutRaw = env['GEOCODER_TIMEOUT_MS']?.trim();
  const timeoutMs = timeoutRaw ? Number(timeoutRaw) : 2500;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 30_000) problems.push(`GEOCODER_TIMEOUT_MS must be an integer from 100 to 30000 (got "${timeoutRaw}")`);
  return { url, flavour: flavourRaw === 'photon' ? 'photon' : 'nominatim', timeoutMs };
}
