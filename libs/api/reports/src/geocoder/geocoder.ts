import type { BBoxTuple, Locale } from '@plaza/shared/contracts';

/** A place an address search found: its name as the service writes it, and where it is. */
export interface GeocodedPlace {
  name: string;
  lat: number;
  lon: number;
}

export interface GeocodeSearch {
  text: string;
  limit: number;
  locale: Locale;
  /** The city's extent: results outside are not asked for (and dropped if they come). */
  bounds: BBoxTuple;
}

/**
 * An address search service. Only the typed text, the city's extent, the language and the pin's
 * coordinates are ever sent: never who asks (no cookies, no IP, no account).
 */
export interface Geocoder {
  search(query: GeocodeSearch): Promise<GeocodedPlace[]>;
  reverse(lat: number, lon: number, locale: Locale): Promise<GeocodedPlace | null>;
}
