import type { GeocoderConfig } from '@plaza/api/config';
import type { BBoxTuple, Locale } from '@plaza/shared/contracts';
import type { GeocodedPlace, GeocodeSearch, Geocoder } from './geocoder';

// Nominatim (https://nominatim.org/release-docs/latest/api/) and Photon (https://photon.komoot.io)
// speak different dialects of the same idea; a city may run either. Both are asked the same thing:
// text (or a point), the city's box, a language, a few results.

interface NominatimPlace {
  display_name?: string;
  name?: string;
  lat?: string;
  lon?: string;
  address?: Record<string, string>;
}

interface PhotonFeature {
  geometry?: { coordinates?: [number, number] };
  properties?: Record<string, string | undefined>;
}

const USER_AGENT = 'Plaza civic platform (address search)';

export class HttpGeocoder implements Geocoder {
  constructor(private readonly config: Pick<GeocoderConfig, 'flavour' | 'timeoutMs'> & { url: string }) {}

  async search({ text, limit, locale, bounds }: GeocodeSearch): Promise<GeocodedPlace[]> {
    const [minLon, minLat, maxLon, maxLat] = bounds;
    const url =
      this.config.flavour === 'photon'
        ? this.url('/api', { q: text, limit: String(limit), lang: locale, bbox: [minLon, minLat, maxLon, maxLat].join(',') })
        : this.url('/search', {
            q: text,
            format: 'jsonv2',
            addressdetails: '1',
            limit: String(limit),
            'accept-language': locale,
            viewbox: [minLon, maxLat, maxLon, minLat].join(','),
            bounded: '1',
          });
    const places = this.parse(await this.get(url));
    return places.filter((place) => inside(place, bounds)).slice(0, limit);
  }

  async reverse(lat: number, lon: number, locale: Locale): Promise<GeocodedPlace | null> {
    // A metre is precise enough for an address, and no more precise than the pin.
    const at = { lat: lat.toFixed(5), lon: lon.toFixed(5) };
    const url =
      this.config.flavour === 'photon'
        ? this.url('/reverse', { ...at, lang: locale, limit: '1' })
        : this.url('/reverse', { ...at, format: 'jsonv2', addressdetails: '1', zoom: '18', 'accept-language': locale });
    const body = await this.get(url);
    const [place] = this.parse(Array.isArray(body) || isCollection(body) ? body : [body]);
    return place ?? null;
  }

  private url(path: string, params: Record<string, string>): string {
    return `${this.config.url}${path}?${new URLSearchParams(params).toString()}`;
  }

  private async get(url: string): Promise<unknown> {
    const response = await fetch(url, {
      headers: { accept: 'application/json', 'user-agent': USER_AGENT },
      // No cookies or credentials of any kind go to the service.
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(this.config.timeoutMs),
    });
    if (!response.ok) throw new Error(`geocoder answered ${response.status}`);
    return (await response.json()) as unknown;
  }

  private parse(body: unknown): GeocodedPlace[] {
    if (isCollection(body)) return body.features.map(fromPhoton).filter((p): p is GeocodedPlace => p !== null);
    if (Array.isArray(body)) return (body as NominatimPlace[]).map(fromNominatim).filter((p): p is GeocodedPlace => p !== null);
    return [];
  }
}

function isCollection(body: unknown): body is { features: PhotonFeature[] } {
  return typeof body === 'object' && body !== null && Array.isArray((body as { features?: unknown }).features);
}

/** "Calle Mayor, 12": the street and number a citizen would write, else the service's own name. */
function streetLine(address: Record<string, string | undefined> | undefined): string | null {
  const street = address?.['road'] ?? address?.['pedestrian'] ?? address?.['street'] ?? null;
  if (!street) return null;
  const number = address?.['house_number'] ?? address?.['housenumber'];
  return number ? `${street}, ${number}` : street;
}

function fromNominatim(place: NominatimPlace): GeocodedPlace | null {
  const lat = Number(place.lat);
  const lon = Number(place.lon);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  const street = streetLine(place.address);
  const name = place.name && street && !street.startsWith(place.name) ? `${place.name}, ${street}` : (street ?? place.name ?? place.display_name);
  return name ? { name: name.slice(0, 200), lat, lon } : null;
}

function fromPhoton(feature: PhotonFeature): GeocodedPlace | null {
  const [lon, lat] = feature.geometry?.coordinates ?? [];
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  const properties = feature.properties ?? {};
  const street = streetLine(properties);
  const label = properties['name'];
  const name = label && street && !street.startsWith(label) ? `${label}, ${street}` : (street ?? label);
  return name ? { name: name.slice(0, 200), lat: lat as number, lon: lon as number } : null;
}

function inside(place: GeocodedPlace, [minLon, minLat, maxLon, maxLat]: BBoxTuple): boolean {
  return place.lon >= minLon && place.lon <= maxLon && place.lat >= minLat && place.lat <= maxLat;
}
