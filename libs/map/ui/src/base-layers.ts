import { CITY_META_NAME, type CitySettings, type TileSettings } from '@plaza/shared/contracts';
import type { Translator } from '@plaza/web/i18n';
import L from './leaflet-global';

// Madrid, the demo city: used when the page carries no city (the Vite dev server serves index.html as is).
const FALLBACK_CITY: CitySettings = { name: 'Madrid', centre: [40.4168, -3.7038], zoom: 12 };

/**
 * The city the server is configured for, from the `<meta name="plaza-city">` tag it puts in
 * index.html: known before the first paint, no request needed.
 */
export function readCity(doc: Document | undefined = globalThis.document): CitySettings {
  const content = doc?.querySelector(`meta[name="${CITY_META_NAME}"]`)?.getAttribute('content');
  if (!content) return FALLBACK_CITY;
  try {
    const city = JSON.parse(content) as Partial<CitySettings>;
    const [lat, lon] = Array.isArray(city.centre) ? city.centre : [];
    if (typeof lat !== 'number' || typeof lon !== 'number' || typeof city.zoom !== 'number') return FALLBACK_CITY;
    return { name: typeof city.name === 'string' ? city.name : FALLBACK_CITY.name, centre: [lat, lon], zoom: city.zoom };
  } catch {
    return FALLBACK_CITY;
  }
}

const CITY = readCity();
/** The city's centre and zoom, for a first visit without a view in the URL. */
export const CITY_CENTRE: L.LatLngTuple = CITY.centre;
export const CITY_ZOOM = CITY.zoom;

// Used only when the settings request fails, so the map still shows something familiar.
const FALLBACK_TILES: TileSettings = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
  maxZoom: 19,
};

export function tileLayer(settings: TileSettings | null): L.TileLayer {
  const tiles = settings ?? FALLBACK_TILES;
  // Tiles are decoration: without them (offline, blocked) markers, areas and controls still work.
  return L.tileLayer(tiles.url, { maxZoom: tiles.maxZoom, attribution: tiles.attribution });
}

// The boundaries' licence asks for this credit wherever they are shown (libs/api/seed/data/ATTRIBUTION.md).
const AREAS_ATTRIBUTION = 'Límites de distritos: Ayuntamiento de Madrid (datos.madrid.es)';

/** District outlines: context, not targets, so non-interactive and never swallowing clicks. */
export function areasLayer(): L.GeoJSON {
  return L.geoJSON(undefined, {
    interactive: false,
    attribution: AREAS_ATTRIBUTION,
    style: { color: '#1e3a8a', weight: 1.5, opacity: 0.8, fillColor: '#1e3a8a', fillOpacity: 0.04 },
  });
}

/** Leaflet's control texts are English and hard-coded; these follow the page's language. */
export function translateControls(map: L.Map, i18n: Translator): L.Control.Zoom {
  const zoom = L.control.zoom({ zoomInTitle: i18n.t('map.zoomIn'), zoomOutTitle: i18n.t('map.zoomOut') }).addTo(map);
  return zoom;
}

/** The popup close button is an <a role=button> labelled "Close popup" in English. */
export function labelPopupClose(popup: L.Popup, i18n: Translator): void {
  popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', i18n.t('map.closePopup'));
}
