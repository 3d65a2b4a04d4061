import type { TileSettings } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { PointPickerMap, round6, type PointPickerMapHandle } from './PointPickerMap';
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
  const pickerRef = useRef<PointPickerMapHandle>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const circleRef = useRef<L.Circle | null>(null);
  const live = useRef(onChange);
  live.current = onChange;

  useEffect(
    () => () => {
      circleRef.current = null;
    },
    [],
  );

  // The circle follows the point and the distance; it is decoration, the page says both in words.
  useEffect(() => {
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
  }, [map, value, radius]);

  useImperativeHandle(
    ref,
    () => ({
      centreOn(lat, lon) {
        pickerRef.current?.map()?.setView([lat, lon], 15);
      },
      pointAtCentre() {
        const centre = pickerRef.current?.map()?.getCenter();
        if (centre) live.current({ lat: round6(centre.lat), lon: round6(centre.lng) });
      },
    }),
    [],
  );

  return (
    <PointPickerMap
      ref={pickerRef}
      id={id}
      className="alert-point-picker"
      label={i18n.t('alerts.point.label')}
      initialView={initialView}
      areas={areas}
      tiles={tiles}
      describedBy={describedBy}
      invalid={invalid}
      // The page scrolls under the small alert map; the wheel does not zoom it.
      options={{ scrollWheelZoom: false }}
      onPick={(at) => live.current(at)}
      onReady={setMap}
    />
  );
}
