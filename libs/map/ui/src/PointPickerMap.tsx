import type { TileSettings } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { removeMap } from '@plaza/web/ui';
import { useEffect, useImperativeHandle, useRef, type ReactNode, type Ref } from 'react';
import { areasLayer } from './base-layers';
import { pickPointsOnMap, useAreaOutlines, useTiles, useTranslatedControls } from './use-base-map';
import { motionOptions } from './motion';
import L from './leaflet-global';

export interface PointPickerMapHandle {
  /** The Leaflet map, once created (after the first effect). */
  map(): L.Map | null;
  focus(): void;
}

interface PointPickerMapProps {
  ref?: Ref<PointPickerMapHandle>;
  id: string;
  label: string;
  initialView: { lat: number; lon: number; zoom: number };
  areas: GeoJSON.FeatureCollection | null;
  tiles: TileSettings | null;
  describedBy?: string;
  invalid: boolean;
  /** Extra Leaflet options (the alert map keeps the wheel for the page, for instance). */
  options?: L.MapOptions;
  /** A tap, a click, or Enter/Space on the map (then at the crosshair). */
  onPick(at: { lat: number; lon: number }): void;
  /** Called once, when the map exists: where the pin or the circle gets drawn. */
  onReady?(map: L.Map): void;
  className?: string;
  children?: ReactNode;
}

/**
 * The one map both forms use to pick a point (the report's pin, the alert's centre).
 *
 * Leaflet owns the map element's `class` attribute: it adds `leaflet-container` and friends, and
 * its CSS (panes, outlines, controls, overflow clipping) hangs on them. If React rendered a
 * `className` on that element, any re-render that changed it (an error making the map "invalid")
 * would replace the whole attribute and wipe Leaflet's classes: panes spill over the page and the
 * phone page scrolls sideways. So React never gives the map element a class; the look and the
 * invalid state live on the frame around it.
 */
export function PointPickerMap({
  ref,
  id,
  label,
  initialView,
  areas,
  tiles,
  describedBy,
  invalid,
  options,
  onPick,
  onReady,
  className,
  children,
}: PointPickerMapProps) {
  const i18n = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const areasRef = useRef<L.GeoJSON | null>(null);
  const live = useRef({ onPick, onReady });
  live.current = { onPick, onReady };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, {
      center: [initialView.lat, initialView.lon],
      zoom: initialView.zoom,
      zoomControl: false,
      maxZoom: 19,
      ...motionOptions(),
      ...options,
    });
    mapRef.current = map;
    areasRef.current = areasLayer().addTo(map);
    const stopPicking = pickPointsOnMap(map, container, (at) => live.current.onPick({ lat: round6(at.lat), lon: round6(at.lng) }));
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(container);
    live.current.onReady?.(map);
    return () => {
      stopPicking();
      resize.disconnect();
      removeMap(map);
      mapRef.current = null;
    };
  }, []);

  useAreaOutlines(areasRef, areas);

  useTiles(mapRef, tiles);

  useTranslatedControls(mapRef, i18n, { popups: true });

  useImperativeHandle(
    ref,
    () => ({
      map: () => mapRef.current,
      focus() {
        containerRef.current?.focus();
      },
    }),
    [],
  );

  return (
    <div className={`location-picker${className ? ` ${className}` : ''}`}>
      <div className={`location-picker__frame${invalid ? ' location-picker__frame--invalid' : ''}`}>
        {/* No className here: Leaflet's classes on this element must survive every render. */}
        <div
          ref={containerRef}
          id={id}
          role="application"
          aria-label={label}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          tabIndex={0}
        />
        {/* Where Enter drops the point; drawn over the map's centre, shown while the map has focus. */}
        <span className="location-picker__crosshair" aria-hidden="true" />
      </div>
      {children}
    </div>
  );
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
