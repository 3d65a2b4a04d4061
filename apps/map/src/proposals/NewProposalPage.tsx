import {
  CSRF_HEADER,
  PROPOSAL_LIMITS,
  type PlaceView,
  type ProposalDetail,
  type ProposalTheme,
  type SessionView,
} from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, CheckboxField, SelectField, TextAreaField, TextField } from '@plaza/web/ui';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ApiError, apiRequest } from '@plaza/web/api-client';
import { loadAreas, useMapSettings } from '../api/catalog';
import { CITY_CENTRE, CITY_ZOOM } from '../map/base-layers';
import { LocationPicker, type LocationPickerHandle } from '../new-report/LocationPicker';
import { PlaceSearch } from '../new-report/PlaceSearch';
import { areaAt } from '../new-report/point-in-areas';
import { appHref, go } from '../shell/app-href';
import { useFocusOnArrival } from '../shell/page-focus';
import { proposalApi, useLoad, useSession } from './api';
import { PhotoPicker } from '../new-report/PhotoPicker';
import { serverErrors, toBody, toInput, validateDraft, type DraftErrors, type ProposalDraft } from './proposal-form';
import { SignInLink } from './SignInLink';
import './proposals.css';

const EMPTY: ProposalDraft = {
  title: '',
  summary: '',
  description: '',
  theme: '',
  location: null,
  area: '',
  images: [],
  showName: false,
};

/** A signed-in citizen files a proposal; on success the new proposal's page opens. */
export function NewProposalPage() {
  const { t } = useT();
  const { session } = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(headingRef, session !== undefined);
  useEffect(() => {
    document.title = `${t('proposals.new')} · ${t('app.name')}`;
  }, [t]);

  return (
    <main id="main" tabIndex={-1} className="page-content">
      <p className="back-link">
        <Link href={appHref('/proposals')}>{t('proposal.back')}</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('proposals.new')}
      </h1>
      {session === undefined ? (
        <p role="status">{t('page.loading')}</p>
      ) : session === null ? (
        <SignInLink />
      ) : (
        <ProposalForm session={session} />
      )}
    </main>
  );
}

function ProposalForm({ session }: { session: SessionView }) {
  const { t } = useT();
  const [draft, setDraft] = useState<ProposalDraft>(EMPTY);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [themes] = useLoad<ProposalTheme[]>('themes', (signal) => proposalApi.themes(signal));
  const [areas, setAreas] = useState<GeoJSON.FeatureCollection | null>(null);
  const settings = useMapSettings();
  const set = (patch: Partial<ProposalDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const picker = useRef<LocationPickerHandle>(null);
  const [placeHint, setPlaceHint] = useState<string | null>(null);
  useEffect(() => {
    loadAreas().then(setAreas, () => setAreas(null));
  }, []);
  const districts = useMemo(
    () =>
      (areas?.features ?? [])
        .map((f) => f.properties as { code?: unknown; name?: unknown } | null)
        .filter(
          (p): p is { code: string; name: string } =>
            typeof p?.code === 'string' && typeof p.name === 'string',
        )
        .sort((a, b) => a.name.localeCompare(b.name)),
    [areas],
  );

  const choosePlace = (place: PlaceView) => {
    if (place.kind === 'area' && place.bbox) {
      // A district fits a proposal as it is: show it and choose it as the area.
      picker.current?.fitArea(place.bbox);
      const code = districts.find((d) => d.name === place.name)?.code;
      if (code) set({ area: code, location: null });
      setPlaceHint(t('location.areaChosen', { area: place.name }));
    } else {
      picker.current?.centreOn(place.lat, place.lon, 18);
      set({ location: { lat: place.lat, lon: place.lon } });
      setPlaceHint(t('location.placeChosen', { place: place.name }));
    }
  };
  const pointArea = draft.location ? areaAt(areas, draft.location.lon, draft.location.lat) : null;

  const message = (field: keyof DraftErrors) => {
    const error = errors[field];
    return error ? t(error.key, error.params) : undefined;
  };

  const focusFirstError = (found: DraftErrors) => {
    const first = (['title', 'summary', 'description', 'theme', 'location', 'area', 'images'] as const).find(
      (f) => found[f],
    );
    if (first) requestAnimationFrame(() => document.getElementById(`np-${first}`)?.focus());
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailed(false);
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstError(found);
    setBusy(true);
    try {
      const { body, json } = toBody(draft);
      const created = await apiRequest<ProposalDetail>('/api/v1/proposals', {
        method: 'POST',
        ...(json ? { json: toInput(draft) } : { form: body as FormData }),
        headers: { [CSRF_HEADER]: session.csrfToken },
      });
      go(`/proposals/${created.id}`);
    } catch (error) {
      const fromServer = error instanceof ApiError ? serverErrors(error.fieldErrors) : {};
      setErrors(fromServer);
      if (Object.keys(fromServer).length > 0) focusFirstError(fromServer);
      else setFailed(true);
      setBusy(false);
    }
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form className="proposal-form" onSubmit={onSubmit} noValidate>
      <div role="alert">
        {errorCount > 0
          ? t('newProposal.errors', { count: errorCount })
          : failed
            ? t('proposal.actionFailed')
            : ''}
      </div>
      <TextField
        id="np-title"
        label={t('newProposal.title')}
        error={message('title')}
        value={draft.title}
        maxLength={140}
        onChange={(e) => set({ title: e.target.value })}
      />
      <TextAreaField
        id="np-summary"
        label={t('newProposal.summary')}
        hint={t('newProposal.summaryHint')}
        error={message('summary')}
        value={draft.summary}
        rows={2}
        maxLength={300}
        onChange={(e) => set({ summary: e.target.value })}
      />
      <TextAreaField
        id="np-description"
        label={t('newProposal.description')}
        error={message('description')}
        value={draft.description}
        rows={8}
        maxLength={6000}
        onChange={(e) => set({ description: e.target.value })}
      />
      <SelectField
        id="np-theme"
        label={t('proposals.theme')}
        placeholder={t('newProposal.chooseTheme')}
        error={message('theme')}
        value={draft.theme}
        onChange={(e) => set({ theme: e.target.value })}
        options={
          themes.state === 'ready'
            ? themes.data.map((theme) => ({ value: theme.code, label: theme.name }))
            : []
        }
      />
      <fieldset className="proposal-location">
        <legend>{t('newProposal.location')}</legend>
        <p id="np-location-hint">{t('newProposal.locationHint')}</p>
        {errors.location && (
          <p id="np-location-error" className="proposal-alert">
            {message('location')}
          </p>
        )}
        <div className="location-step__tools">
          <Button onClick={() => picker.current?.pinAtCentre()}>{t('location.pinAtCentre')}</Button>
        </div>
        <PlaceSearch onChoose={choosePlace} />
        <LocationPicker
          ref={picker}
          id="np-location"
          value={draft.location}
          initialView={{ lat: CITY_CENTRE[0], lon: CITY_CENTRE[1], zoom: CITY_ZOOM }}
          areas={areas}
          tiles={settings.data?.tiles ?? null}
          describedBy={[
            'np-location-hint',
            errors.location ? 'np-location-error' : null,
            'np-location-keys',
            'np-location-where',
          ]
            .filter(Boolean)
            .join(' ')}
          invalid={Boolean(errors.location)}
          onChange={(location) => {
            setPlaceHint(null);
            set({ location, area: '' });
          }}
        />
        <p id="np-location-keys" className="ui-field__hint">
          {t('location.keyboardHint')}
        </p>
        <p id="np-location-where" role="status">
          {placeHint ? `${placeHint} ` : ''}
          {draft.location
            ? pointArea
              ? t('newProposal.pointIn', { area: pointArea })
              : t('newProposal.pointChosen')
            : t('newProposal.noPoint')}
        </p>
        {draft.location && (
          <Button variant="link" onClick={() => set({ location: null })}>
            {t('newProposal.removeLocation')}
          </Button>
        )}
        {!draft.location && (
          <SelectField
            id="np-area"
            label={t('newProposal.area')}
            hint={t('newProposal.areaHint')}
            placeholder={t('newProposal.wholeCity')}
            error={message('area')}
            value={draft.area}
            onChange={(e) => set({ area: e.target.value })}
            options={districts.map((d) => ({ value: d.code, label: d.name }))}
          />
        )}
      </fieldset>
      <PhotoPicker
        id="np-images"
        name="images"
        label={t('newProposal.images')}
        max={PROPOSAL_LIMITS.imagesMax}
        photos={draft.images}
        error={message('images') ?? null}
        onChange={(images) => set({ images })}
      />
      <CheckboxField
        id="np-show-name"
        label={t('newProposal.showName')}
        hint={t('newProposal.showNameHint')}
        checked={draft.showName}
        onChange={(e) => set({ showName: e.target.checked })}
      />
      <div>
        <Button type="submit" variant="primary" busy={busy}>
          {t('newProposal.send')}
        </Button>
      </div>
    </form>
  );
}
