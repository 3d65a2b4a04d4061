import type { Locale } from '@plaza/shared/contracts';
import type { GeocodedPlace, GeocodeSearch, Geocoder } from './geocoder';

/**
 * Answers remembered for a while, so the same street typed by many people (or the same pin) asks
 * the service once: public services ask for at most a request per second, and a city's own
 * instance is spared too. Bounded in size; the oldest answer goes first.
 */
export class CachedGeocoder implements Geocoder {
  private readonly answers = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly inner: Geocoder,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  search(query: GeocodeSearch): Promise<GeocodedPlace[]> {
    const key = `s|${query.locale}|${query.limit}|${query.bounds.join(',')}|${query.text.trim().toLowerCase()}`;
    return this.remember(key, () => this.inner.search(query));
  }

  reverse(lat: number, lon: number, locale: Locale): Promise<GeocodedPlace | null> {
    return this.remember(`r|${locale}|${lat.toFixed(5)}|${lon.toFixed(5)}`, () => this.inner.reverse(lat, lon, locale));
  }

  private remember<T>(key: string, ask: () => Promise<T>): Promise<T> {
    const found = this.answers.get(key);
    if (found && this.now() - found.at < this.ttlMs) return found.value as Promise<T>;
    const value = ask();
    this.answers.delete(key);
    this.answers.set(key, { at: this.now(), value });
    // A failure is not remembered: the next visitor asks again.
    value.catch(() => this.answers.delete(key));
    while (this.answers.size > this.maxEntries) {
      const oldest = this.answers.keys().next().value;
      if (oldest === undefined) break;
      this.answers.delete(oldest);
    }
    return value;
  }
}
