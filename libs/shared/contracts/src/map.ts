// What the public map reads beside the report API: clusters, place search, supports, settings.
//   GET  /api/v1/reports/clusters?bbox=&zoom=&category=&status=&from=&to=   → ReportClusters
//   POST /api/v1/reports/{ref}/supports   SupportRequest                     → SupportResult
//   GET  /api/v1/places?q=                                                   → PlaceView[]
//   GET  /api/v1/map/settings                                                → MapSettings

import type { Locale } from './locale';

export type BBoxTuple = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** One grid cell of the city-wide view: how many reports fall in it and where they sit. */
export interface ReportClusterCell {
  /** Mean position of the reports in the cell, so the bubble sits where they are, not at a grid corner. */
  lon: number;
  lat: number;
  count: number;
  /** The reports' extent: zooming to it splits the cell. */
  bbox: BBoxTuple;
}

export interface ReportClusters {
  /** Reports matching the filters inside the bbox (all of them, not only the ones in cells shown). */
  total: number;
  zoom: number;
  /** Cell side in degrees, derived from the zoom (about 60 screen pixels). */
  cellDegrees: number;
  cells: ReportClusterCell[];
}

/** An anonymous "me too": a random token the browser keeps; the server stores only its hash. */
export interface SupportRequest {
  token: string;
}

export interface SupportResult {
  ref: string;
  supports: number;
  /** False when this browser had already supported the report: the count did not change. */
  counted: boolean;
}

export type PlaceKind = 'area' | 'address';

export interface PlaceView {
  kind: PlaceKind;
  name: string;
  /** For an address, the district it lies in. */
  area: string | null;
  lat: number;
  lon: number;
  /** An area's extent, to fit the map to it; null for a single address. */
  bbox: BBoxTuple | null;
}

export interface TileSettings {
  /** XYZ template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  url: string;
  /** HTML credit line the tile provider requires (set by the operator, trusted). */
  attribution: string;
  maxZoom: number;
}

/**
 * The city the map shows (from the server's configuration). The API also puts it in the map's
 * index.html as `<meta name="plaza-city" content="{json}">`, so the first paint needs no request.
 */
export interface CitySettings {
  name: string;
  centre: [lat: number, lon: number];
  zoom: number;
}

/** The name of the meta tag that carries CitySettings as JSON in the map's index.html. */
export const CITY_META_NAME = 'plaza-city';

export interface MapSettings {
  tiles: TileSettings;
  city: CitySettings;
  /** The data-protection notice shown before consent, in the request's language. */
  privacyNotice: { locale: Locale; paragraphs: string[] };
  /** The notice of the alerts form: another purpose (mailing new reports) on another basis (consent). */
  alertsPrivacyNotice: { locale: Locale; paragraphs: string[] };
}

export const MAP_LIMITS = {
  zoomMax: 22,
  /** A cluster request may not ask for more than this many cells across either side of its bbox. */
  clusterCellsPerSideMax: 256,
  clusterCellPixels: 60,
  placeQueryMin: 2,
  placeQueryMax: 100,
  placesMax: 10,
} as const;

/** 22–128 URL-safe characters: a 128-bit random value in base64url is 22. */
export const SUPPORT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;
