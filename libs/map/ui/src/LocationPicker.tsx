import type { BBoxTuple, TileSettings } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { PointPickerMap, round6, type PointPickerMapHandle } from './PointPickerMap';
import L from './leaflet-global';

export interface LocationPickerHandle {
  fitArea(bbox: BBoxTuple): void;
  centreOn(lat: number, lon: number, zoom?: number): void;
  /** Puts the pin where the map's centre is (the crosshair), for keyboard and screen-reader users. */
  pinAtCentre(): void;
  focus(): void;
}

interface LocationPickerProps {
  ref?: Ref<LocationPickerHandle>;
  id: string;
  value: { lat: number; lon: number } | null;
  initialView: { lat: number; lon: number; zoom: number };
  areas: GeoJSON.FeatureCollection | null;
  tiles: TileSettings | null;
  describedBy?: string;
  invalid: boolean;
  onChange(location: { lat: number; lon: number }): void;
}

// One arrow press moves the pin this many screen pixels (Shift: five times as far).
const NUDGE_PX = 10;

const PIN_HTML =
  '<svg xmlns="http://www.w3.org/2000/svg" width="36" height="48" viewBox="0 0 36 48" aria-hidden="true" focusable="false">' +
  '<path d="M18 1C8.6 1 1 8.4 1 17.6 1 30 18 47 18 47s17-17 17-29.4C35 8.4 27.4 1 18 1z" fill="#1e40af" stroke="#fff" stroke-width="2"/>' +
  '<circle cx="18" cy="17.5" r="6.5" fill="#fff"/></svg>';

/**
 * The report form's map. The pin goes where the map is tapped or clicked; it can be dragged; with
 * the keyboard, the arrows move the map and Enter drops the pin at the crosshair, and once the
 * pin has focus the arrows move the pin itself.
 */
export function LocationPicker({ ref, id, value, initialView, areas, tiles, describedBy, invalid, onChange }: LocationPickerProps) {
  const i18n = useT();
  const pickerRef = useRef<PointPickerMapHandle>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const pinRef = useRef<L.Marker | null>(null);
  const live = useRef({ onChange });
  live.current = { onChange };
  // A draft that already has a pin (after a reload) opens on it.
  const [startView] = useState(() =>
    value ? { lat: value.lat, lon: value.lon, zoom: Math.max(initialView.zoom, 16) } : initialView,
  );

  useEffect(
    () => () => {
      pinRef.current = null;
    },
    [],
  );

  // The pin follows the draft: created on first placement, moved afterwards.
  useEffect(() => {
    if (!map) return;
    if (!value) {
      pinRef.current?.remove();
      pinRef.current = null;
      return;
    }
    const label = i18n.t('location.pinLabel');
    if (!pinRef.current) {
      const pin = L.marker([value.lat, value.lon], {
        icon: L.divIcon({ className: 'location-pin', html: PIN_HTML, iconSize: [36, 48], iconAnchor: [18, 47] }),
        draggable: true,
        keyboard: true,
        autoPan: true,
      }).addTo(map);
      pin.on('dragend', () => {
        const at = pin.getLatLng();
        live.current.onChange({ lat: round6(at.lat), lon: round6(at.lng) });
      });
      const element = pin.getElement();
      element?.addEventListener('keydown', (event) => {
        const step = event.shiftKey ? NUDGE_PX * 5 : NUDGE_PX;
        const delta = { ArrowUp: [0, -step], ArrowDown: [0, step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] }[event.key];
        if (!delta) return;
        // The map would pan on the same keys: the pin's move is the only one wanted.
        event.preventDefault();
        event.stopPropagation();
        const point = map.latLngToContainerPoint(pin.getLatLng()).add(L.point(delta[0] as number, delta[1] as number));
        const at = map.containerPointToLatLng(point);
        live.current.onChange({ lat: round6(at.lat), lon: round6(at.lng) });
        if (!map.getBounds().pad(-0.1).contains(at)) map.panTo(at);
      });
      pinRef.current = pin;
    } else {
      pinRef.current.setLatLng([value.lat, value.lon]);
    }
    // A pin placed outside the visible map (from the search, or off an edge) is brought into view.
    if (!map.getBounds().contains([value.lat, value.lon])) map.panTo([value.lat, value.lon]);
    pinRef.current.getElement()?.setAttribute('aria-label', label);
  }, [map, value, i18n]);

  useImperativeHandle(
    ref,
    () => ({
      fitArea(bbox) {
        const [minLon, minLat, maxLon, maxLat] = bbox;
        pickerRef.current?.map()?.fitBounds([[minLat, minLon], [maxLat, maxLon]], { padding: [16, 16] });
      },
      centreOn(lat, lon, zoom = 18) {
        pickerRef.current?.map()?.setView([lat, lon], zoom);
      },
      pinAtCentre() {
        const centre = pickerRef.current?.map()?.getCenter();
        if (centre) live.current.onChange({ lat: round6(centre.lat), lon: round6(centre.lng) });
      },
      focus() {
        pickerRef.current?.focus();
      },
    }),
    [],
  );

  return (
    <PointPickerMap
      ref={pickerRef}
      id={id}
      label={i18n.t('location.mapLabel')}
      initialView={startView}
      areas={areas}
      tiles={tiles}
      describedBy={describedBy}
      invalid={invalid}
      onPick={(at) => live.current.onChange(at)}
      onReady={setMap}
    />
  );
}
