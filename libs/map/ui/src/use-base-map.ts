import type { TileSettings } from '@plaza/shared/contracts';
import type { Translator } from '@plaza/web/i18n';
import { useEffect, type RefObject } from 'react';
import { labelPopupClose, tileLayer, translateControls } from './base-layers';
import type L from './leaflet-global';

// What every Leaflet map of the site shares, as hooks. Call them after the effect that creates the
// map: effects run in order, so the map exists when these run.

/** The city's tiles, under everything else, swapped when the settings arrive or change. */
export function useTiles(mapRef: RefObject<L.Map | null>, tiles: TileSettings | null): void {
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const layer = tileLayer(tiles).addTo(map);
    layer.bringToBack();
    return () => {
      layer.remove();
    };
  }, [mapRef, tiles]);
}

/** The zoom buttons, and popups' close buttons when the map has popups, in the page's language. */
export function useTranslatedControls(
  mapRef: RefObject<L.Map | null>,
  i18n: Translator,
  options: { popups?: boolean } = {},
): void {
  const popups = options.popups ?? false;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const zoom = translateControls(map, i18n);
    const label = (event: L.PopupEvent) => labelPopupClose(event.popup, i18n);
    if (popups) map.on('popupopen', label);
    return () => {
      zoom.remove();
      if (popups) map.off('popupopen', label);
    };
  }, [mapRef, i18n, popups]);
}

/** District outlines arrive after the map: added once, when they first come. */
export function useAreaOutlines(
  areasRef: RefObject<L.GeoJSON | null>,
  areas: GeoJSON.FeatureCollection | null | undefined,
): void {
  useEffect(() => {
    if (areas && areasRef.current && areasRef.current.getLayers().length === 0)
      areasRef.current.addData(areas);
  }, [areasRef, areas]);
}

/**
 * Point picking on a map: a tap picks where it lands; Enter or Space on the map itself (not on a
 * marker or a control) picks the centre, under the crosshair. Returns the clean-up.
 */
export function pickPointsOnMap(
  map: L.Map,
  container: HTMLElement,
  pick: (at: L.LatLng) => void,
): () => void {
  const onClick = (event: L.LeafletMouseEvent) => pick(event.latlng);
  const onKey = (event: KeyboardEvent) => {
    if (event.target !== container || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    pick(map.getCenter());
  };
  map.on('click', onClick);
  container.addEventListener('keydown', onKey);
  return () => {
    map.off('click', onClick);
    container.removeEventListener('keydown', onKey);
  };
}
