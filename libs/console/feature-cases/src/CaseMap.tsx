import type { TileSettings } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { removeMap } from '@plaza/web/ui';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';

/**
 * Where the case is, with the public map's tile settings (GET /api/v1/map/settings). A circle marker
 * needs no image assets; the address and area are also given in words beside the map.
 */
export function CaseMap({ lat, lon, tiles }: { lat: number; lon: number; tiles: TileSettings | null }) {
  const { t } = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);

  useEffect(() => {
    if (!containerRef.current) return;
    const map = L.map(containerRef.current, { center: [lat, lon], zoom: 17, scrollWheelZoom: false, zoomControl: false });
    L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
    L.circleMarker([lat, lon], { radius: 9, color: '#7c2d12', weight: 3, fillColor: '#f97316', fillOpacity: 0.9, interactive: false }).addTo(map);
    mapRef.current = map;
    return () => {
      removeMap(map);
      mapRef.current = null;
    };
  }, [lat, lon, t]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !tiles) return;
    const layer = L.tileLayer(tiles.url, { maxZoom: tiles.maxZoom, attribution: tiles.attribution }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [tiles, lat, lon]);

  return <div ref={containerRef} className="case-map" role="region" aria-label={t('cases.map.label')} />;
}
