import type { TileSettings } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { areasLayer } from './base-layers';
import { pickPointsOnMap, useAreaOutlines, useTiles, useTranslatedControls } from './use-base-map';
import L from './leaflet-global';

export interface AlertPointPickerHandle {
  centreOn(lat: number, lon: number): void;
  /** Drops the point at the map's centre (the crosshair), for keyboard and screen-reader users. */
  pointAtCentre(): void;
}

interface AlertPointPickerProps {
  ref?: Ref<AlertPointPickerHandle>;
  id: string;
  value: { lat: number; lon: number } | null;
  radius: number;
  initialView: { lat: number; lon: number; zoom: number };
  areas: GeoJSON.FeatureCollection | null;
  tiles: TileSettings | null;
  describedBy?: string;
  invalid: boolean;
  onChange(point: { lat: number; lon: number }): void;
}

/**
 * The alert form's small map: a tap or click marks the point, and the circle shows the chosen
 * distance around it. With the keyboard, the arrows move the map and Enter or Space marks the
 * crosshair at its centre; the form's buttons do the same, and "use my location".
 */
export function AlertPointPicker({
  ref,
  id,
  value,
  radius,
  initialView,
  areas,
  tiles,
  describedBy,
  invalid,
  onChange,
}: AlertPointPickerProps) {
  const i18n = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const circleRef = useRef<L.Circle | null>(null);
  const areasRef = useRef<L.GeoJSON | null>(null);
  const live = useRef(onChange);
  live.current = onChange;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, {
      center: [initialView.lat, initialView.lon],
      zoom: initialView.zoom,
      zoomControl: false,
      scrollWheelZoom: false,
      maxZoom: 19,
    });
    mapRef.current = map;
    areasRef.current = areasLayer().addTo(map);
    const stopPicking = pickPointsOnMap(map, container, (at) => live.current({ lat: round6(at.lat), lon: round6(at.lng) }));
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(container);
    return () => {
      stopPicking();
      resize.disconnect();
      map.remove();
      mapRef.current = null;
      circleRef.current = null;
    };
  }, []);

  useAreaOutlines(areasRef, areas);

  useTiles(mapRef, tiles);

  useTranslatedControls(mapRef, i18n, { popups: true });

  // The circle follows the point and the distance; it is decoration, the page says both in words.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!value) {
      circleRef.current?.remove();
      circleRef.current = null;
      return;
    }
    if (!circleRef.current) {
      circleRef.current = L.circle([value.lat, value.lon], {
        radius,
        color: '#1e40af',
        weight: 2,
        fillOpacity: 0.12,
        interactive: false,
      }).addTo(map);
    } else {
      circleRef.current.setLatLng([value.lat, value.lon]).setRadius(radius);
    }
    if (!map.getBounds().contains(circleRef.current.getBounds()))
      map.fitBounds(circleRef.current.getBounds(), { padding: [12, 12] });
  }, [value, radius]);

  useImperativeHandle(
    ref,
    () => ({
      centreOn(lat, lon) {
        mapRef.current?.setView([lat, lon], 15);
      },
      pointAtCentre() {
        const centre = mapRef.current?.getCenter();
        if (centre) live.current({ lat: round6(centre.lat), lon: round6(centre.lng) });
      },
    }),
    [],
  );

  return (
    <div className="location-picker alert-point-picker">
      <div
        ref={containerRef}
        id={id}
        className={`location-picker__map${invalid ? ' location-picker__map--invalid' : ''}`}
        role="application"
        aria-label={i18n.t('alerts.point.label')}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        tabIndex={0}
      />
      <span className="location-picker__crosshair" aria-hidden="true" />
    </div>
  );
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
