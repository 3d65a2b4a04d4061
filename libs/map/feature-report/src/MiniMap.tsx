import type { TileSettings } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { useEffect, useRef } from 'react';
import { L, reportIcon, useTiles, useTranslatedControls } from '@plaza/map/ui';
import { removeMap } from '@plaza/web/ui';

interface MiniMapProps {
  lat: number;
  lon: number;
  status: string;
  icon: string | null;
  label: string;
  tiles: TileSettings | null;
}

/** Where the report is, at street level; the page states the area and address in words too. */
export function MiniMap({ lat, lon, status, icon, label, tiles }: MiniMapProps) {
  const i18n = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markerRef = useRef<L.Marker | null>(null);

  useEffect(() => {
    if (!containerRef.current) return;
    // Scrolling the page over it must scroll the page, not zoom the map.
    const map = L.map(containerRef.current, { center: [lat, lon], zoom: 17, zoomControl: false, scrollWheelZoom: false });
    mapRef.current = map;
    markerRef.current = L.marker([lat, lon], { icon: reportIcon({ status, icon, label }), keyboard: false, interactive: false }).addTo(map);
    return () => {
      removeMap(map);
      mapRef.current = null;
    };
  }, [lat, lon]);

  useEffect(() => {
    markerRef.current?.setIcon(reportIcon({ status, icon, label }));
  }, [status, icon, label]);

  useTiles(mapRef, tiles);

  useTranslatedControls(mapRef, i18n);

  return <div ref={containerRef} className="mini-map" role="region" aria-label={i18n.t('report.mapLabel')} />;
}
