import { MAP_LIMITS, type PlaceView } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button } from '@plaza/web/ui';
import { useEffect, useRef, useState } from 'react';
import { getJson, isAbort } from '@plaza/web/api-client';

interface PlaceSearchProps {
  onChoose(place: PlaceView): void;
}

/**
 * Search among the city's known places (districts and addresses of public reports). Results are
 * a plain list of buttons under a live count: simpler to operate by keyboard and screen reader
 * than a combobox, and just as quick with a mouse.
 */
export function PlaceSearch({ onChoose }: PlaceSearchProps) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [results, setResults] = useState<PlaceView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const search = (query: string) => {
    controller.current?.abort();
    const trimmed = query.trim();
    if (trimmed.length < MAP_LIMITS.placeQueryMin) {
      setResults(null);
      return;
    }
    const request = new AbortController();
    controller.current = request;
    getJson<PlaceView[]>(`/api/v1/places?q=${encodeURIComponent(trimmed.slice(0, MAP_LIMITS.placeQueryMax))}`, request.signal).then(
      (places) => {
        setFailed(false);
        setResults(places);
      },
      (error: unknown) => {
        if (!isAbort(error)) setFailed(true);
      },
    );
  };

  // Suggestions as the visitor types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => search(text), 300);
    return () => clearTimeout(timer);
  }, [text]);

  const status = failed
    ? t('places.failed')
    : results === null
      ? ''
      : results.length === 0
        ? t('places.none')
        : t('places.count', { count: results.length });

  return (
    <div className="place-search" role="search" aria-labelledby="place-search-label">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          search(text);
        }}
      >
        <label id="place-search-label" htmlFor="place-search-input" className="ui-field__label">
          {t('places.label')}
        </label>
        <p id="place-search-hint" className="ui-field__hint">
          {t('places.hint')}
        </p>
        <div className="place-search__row">
          <input
            id="place-search-input"
            className="ui-field__control"
            type="search"
            value={text}
            maxLength={MAP_LIMITS.placeQueryMax}
            autoComplete="off"
            aria-describedby="place-search-hint"
            onChange={(event) => setText(event.target.value)}
          />
          <Button type="submit">{t('places.search')}</Button>
        </div>
      </form>
      <p role="status" className="place-search__status">
        {status}
      </p>
      {results && results.length > 0 && (
        <ul className="place-search__results">
          {results.map((place) => (
            <li key={`${place.kind}:${place.name}`}>
              <button
                type="button"
                className="place-search__result"
                onClick={() => {
                  onChoose(place);
                  setResults(null);
                }}
              >
                <span className="place-search__name">{place.name}</span>{' '}
                <span className="place-search__kind">
                  {place.kind === 'area' ? t('places.kind.area') : place.area ? t('places.kind.addressIn', { area: place.area }) : t('places.kind.address')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
