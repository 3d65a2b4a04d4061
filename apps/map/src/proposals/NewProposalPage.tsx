import type { ProposalDetail, ProposalTheme, SessionView } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, CheckboxField, SelectField, TextAreaField, TextField } from '@plaza/web/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ApiError, request } from '../api/http';
import { loadAreas, useMapSettings } from '../api/catalog';
import { CITY_CENTRE, CITY_ZOOM } from '../map/base-layers';
import { LocationPicker } from '../new-report/LocationPicker';
import { appHref, go } from '../shell/app-href';
import { useFocusOnArrival } from '../shell/page-focus';
import { proposalApi, useLoad, useSession } from './api';
import { serverErrors, toInput, validateDraft, type DraftErrors, type ProposalDraft } from './proposal-form';
import { SignInLink } from './SignInLink';
import './proposals.css';

const EMPTY: ProposalDraft = {
  title: '',
  summary: '',
  description: '',
  theme: '',
  location: null,
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
  useEffect(() => {
    loadAreas().then(setAreas, () => setAreas(null));
  }, []);

  const set = (patch: Partial<ProposalDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const message = (field: keyof DraftErrors) => {
    const error = errors[field];
    return error ? t(error.key, error.params) : undefined;
  };

  const focusFirstError = (found: DraftErrors) => {
    const first = (['title', 'summary', 'description', 'theme', 'location'] as const).find((f) => found[f]);
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
      const created = await request<ProposalDetail>('/api/v1/proposals', {
        method: 'POST',
        body: JSON.stringify(toInput(draft)),
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
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
        <LocationPicker
          id="np-location"
          value={draft.location}
          initialView={{ lat: CITY_CENTRE[0], lon: CITY_CENTRE[1], zoom: CITY_ZOOM }}
          areas={areas}
          tiles={settings.data?.tiles ?? null}
          describedBy={errors.location ? 'np-location-hint np-location-error' : 'np-location-hint'}
          invalid={Boolean(errors.location)}
          onChange={(location) => set({ location })}
        />
        {draft.location && (
          <Button variant="link" onClick={() => set({ location: null })}>
            {t('newProposal.removeLocation')}
          </Button>
        )}
      </fieldset>
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
