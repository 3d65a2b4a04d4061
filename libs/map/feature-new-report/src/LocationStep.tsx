import type { PlaceView, TileSettings } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, errorId } from '@plaza/web/ui';
import { useRef, useState } from 'react';
import type { ReportDraft } from './draft';
import { LocationPicker, type LocationPickerHandle, PlaceSearch } from '@plaza/map/ui';

interface LocationStepProps {
  draft: ReportDraft;
  error: string | null;
  initialView: { lat: number; lon: number; zoom: number };
  areas: GeoJSON.FeatureCollection | null;
  tiles: TileSettings | null;
  onLocation(location: { lat: number; lon: number }, address?: string): void;
}

type GeoState = 'idle' | 'locating' | 'denied' | 'unavailable' | 'timeout';

export function LocationStep({ draft, error, initialView, areas, tiles, onLocation }: LocationStepProps) {
  const { t, formatNumber } = useT();
  const picker = useRef<LocationPickerHandle>(null);
  const [geo, setGeo] = useState<GeoState>('idle');
  const [hint, setHint] = useState<string | null>(null);
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const useMyLocation = () => {
    setGeo('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setGeo('idle');
        const location = { lat: round6(position.coords.latitude), lon: round6(position.coords.longitude) };
        picker.current?.centreOn(location.lat, location.lon, 18);
        onLocation(location);
        setHint(t('location.located'));
      },
      (failure) => {
        setGeo(failure.code === failure.PERMISSION_DENIED ? 'denied' : failure.code === failure.TIMEOUT ? 'timeout' : 'unavailable');
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const choosePlace = (place: PlaceView) => {
    if (place.kind === 'area' && place.bbox) {
      // A district is too big for a report: show it, and let the visitor point at the spot.
      picker.current?.fitArea(place.bbox);
      setHint(t('location.areaChosen', { area: place.name }));
    } else {
      picker.current?.centreOn(place.lat, place.lon, 18);
      onLocation({ lat: place.lat, lon: place.lon }, place.name);
      setHint(t('location.placeChosen', { place: place.name }));
    }
  };

  const where = draft.location
    ? draft.area
      ? t('location.chosenIn', { lat: formatNumber(draft.location.lat, { maximumFractionDigits: 5 }), lon: formatNumber(draft.location.lon, { maximumFractionDigits: 5 }), area: draft.area })
      : t('location.chosen', { lat: formatNumber(draft.location.lat, { maximumFractionDigits: 5 }), lon: formatNumber(draft.location.lon, { maximumFractionDigits: 5 }) })
    : t('location.none');

  return (
    <div className="location-step">
      <p id="nr-location-hint" className="ui-field__hint">
        {t('location.hint')}
      </p>
      {error && (
        <p id={errorId('nr-location')} className="ui-field__error">
          {error}
        </p>
      )}
      <div className="location-step__tools">
        {canLocate && (
          <Button onClick={useMyLocation} busy={geo === 'locating'}>
            {t('location.useMine')}
          </Button>
        )}
        <Button onClick={() => picker.current?.pinAtCentre()}>{t('location.pinAtCentre')}</Button>
      </div>
      {geo !== 'idle' && geo !== 'locating' && (
        <p role="alert" className="ui-alert">
          {t(`location.geo.${geo}`)}
        </p>
      )}
      <PlaceSearch onChoose={choosePlace} />
      <LocationPicker
        ref={picker}
        id="nr-location"
        value={draft.location}
        initialView={initialView}
        areas={areas}
        tiles={tiles}
        invalid={Boolean(error)}
        describedBy={['nr-location-hint', error ? errorId('nr-location') : null, 'nr-location-keys', 'nr-location-where'].filter(Boolean).join(' ')}
        onChange={(location) => {
          setHint(null);
          onLocation(location);
        }}
      />
      <p id="nr-location-keys" className="ui-field__hint">
        {t('location.keyboardHint')}
      </p>
      <p id="nr-location-where" role="status" className="location-step__where">
        {hint ? `${hint} ` : ''}
        {where}
      </p>
    </div>
  );
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
