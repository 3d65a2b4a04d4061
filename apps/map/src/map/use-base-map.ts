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
