import type { TileSettings } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { useEffect, useRef } from 'react';
import { L, proposalIcon, useTiles, useTranslatedControls } from '@plaza/map/ui';
import { removeMap } from '@plaza/web/ui';

/** Where the proposal is; the page says its area in words too. */
export function ProposalMiniMap({
  lat,
  lon,
  tiles,
}: {
  lat: number;
  lon: number;
  tiles: TileSettings | null;
}) {
  const i18n = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);

  useEffect(() => {
    if (!containerRef.current) return;
    const map = L.map(containerRef.current, {
      center: [lat, lon],
      zoom: 16,
      zoomControl: false,
      scrollWheelZoom: false,
    });
    mapRef.current = map;
    L.marker([lat, lon], { icon: proposalIcon(i18n.t('proposal.mapLabel')), keyboard: false, interactive: false }).addTo(map);
    return () => {
      removeMap(map);
      mapRef.current = null;
    };
  }, [lat, lon]);

  useTiles(mapRef, tiles);

  useTranslatedControls(mapRef, i18n);

  return (
    <div ref={containerRef} className="mini-map" role="region" aria-label={i18n.t('proposal.mapLabel')} />
  );
}
