import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import type { BBoxTuple, Locale, PlaceView } from '@plaza/shared/contracts';
import { CachedGeocoder } from './geocoder/cached-geocoder';
import type { GeocodedPlace, Geocoder } from './geocoder/geocoder';
import { HttpGeocoder } from './geocoder/http-geocoder';
import { CityExtentRepository, PlacesRepository } from './places.repository';

/**
 * The report form's place search. With GEOCODER_URL, addresses come from the city's address
 * service (bounded to the city, cached, with a timeout) and districts from Plaza's own areas; when
 * the service is unset, slow, down or finds nothing, the local search answers (districts and the
 * addresses of past reports), so the form never waits on a third party.
 */
@Injectable()
export class PlacesService {
  private readonly logger = new Logger('PlacesService');
  private readonly geocoder: Geocoder | null;
  private bounds: Promise<BBoxTuple | null> | null = null;

  constructor(
    private readonly places: PlacesRepository,
    private readonly extent: CityExtentRepository,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'geocoder'>,
  ) {
    const { url, flavour, timeoutMs } = config.geocoder;
    this.geocoder = url ? new CachedGeocoder(new HttpGeocoder({ url, flavour, timeoutMs })) : null;
  }

  async search(text: string, limit: number, locale: Locale): Promise<PlaceView[]> {
    const local = await this.places.search(text, limit);
    const bounds = this.geocoder ? await this.cityBounds() : null;
    if (!this.geocoder || !bounds) return local;
    let found: GeocodedPlace[];
    try {
      found = await this.geocoder.search({ text, limit, locale, bounds });
    } catch (error) {
      this.logger.warn(`address search unavailable, answering from known places: ${(error as Error).message}`);
      return local;
    }
    if (found.length === 0) return local;
    const areas = local.filter((place) => place.kind === 'area');
    return [...areas, ...(await this.addresses(found))].slice(0, limit);
  }

  /** The address at a point (the report form's pin), or null without a service or an answer. */
  async reverse(lat: number, lon: number, locale: Locale): Promise<PlaceView | null> {
    const bounds = this.geocoder ? await this.cityBounds() : null;
    if (!this.geocoder || !bounds) return null;
    try {
      const place = await this.geocoder.reverse(lat, lon, locale);
      return place ? ((await this.addresses([place]))[0] ?? null) : null;
    } catch (error) {
      this.logger.warn(`reverse address search unavailable: ${(error as Error).message}`);
      return null;
    }
  }

  private async addresses(found: GeocodedPlace[]): Promise<PlaceView[]> {
    const areas = await this.extent.areaNames(found);
    return found.map((place, index) => ({
      kind: 'address',
      name: place.name,
      area: areas[index] ?? null,
      lat: round6(place.lat),
      lon: round6(place.lon),
      bbox: null,
    }));
  }

  /** The areas change only through migrations and imports: read once, kept. */
  private cityBounds(): Promise<BBoxTuple | null> {
    this.bounds ??= this.extent.bounds().then(
      (bounds) => bounds,
      () => {
        this.bounds = null;
        return null;
      },
    );
    return this.bounds;
  }
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
