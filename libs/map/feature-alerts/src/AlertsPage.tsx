import { useT, type TranslationKey } from '@plaza/web/i18n';
import {
  Button,
  CheckboxField,
  ErrorSummary,
  focusControl,
  SelectField,
  TextField,
  errorId,
  hintId,
} from '@plaza/web/ui';
import { useEffect, useRef, useState } from 'react';
import { alertsApi, loadAreas, useCategories, useMapSettings } from '@plaza/map/data-access';
import { ApiError, isOriginRefusal } from '@plaza/web/api-client';
import {
  AccountPage,
  AlertPointPicker,
  type AlertPointPickerHandle,
  CITY_CENTRE,
  CITY_ZOOM,
  round6,
} from '@plaza/map/ui';
import {
  alertRequest,
  controlErrors,
  EMPTY_DRAFT,
  feedQuery,
  RADIUS_OPTIONS,
  type AlertDraft,
  type DraftProblem,
} from './alert-form';
import './alerts.css';

const PROBLEM_KEY: Record<DraftProblem, TranslationKey> = {
  email: 'alerts.error.email',
  area: 'alerts.error.area',
  category: 'alerts.error.category',
  point: 'alerts.error.point',
  consent: 'alerts.error.consent',
};

/** /alerts: subscribe an email to new reports in a district, near a point or in a category. */
export function AlertsPage() {
  const { t, locale, formatNumber } = useT();
  const settings = useMapSettings();
  const categories = useCategories();
  const [areas, setAreas] = useState<GeoJSON.FeatureCollection | null>(null);
  const [draft, setDraft] = useState<AlertDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pointNote, setPointNote] = useState<string | null>(null);
  const picker = useRef<AlertPointPickerHandle>(null);
  const summary = useRef<HTMLDivElement>(null);
  const sentHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    loadAreas().then(
      (collection) => live && setAreas(collection),
      () => live && setAreas({ type: 'FeatureCollection', features: [] }),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (sentTo) sentHeading.current?.focus();
  }, [sentTo]);

  const update = (patch: Partial<AlertDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const showErrors = (byControl: Record<string, string>, messages: string[] = []) => {
    setErrors(byControl);
    setGeneral(messages);
    // Focus the first invalid control; the summary (an alert) is announced meanwhile.
    requestAnimationFrame(() => {
      const first = Object.keys(byControl)[0];
      const target = first ? document.getElementById(first) : null;
      if (target) focusControl(target);
      else summary.current?.querySelector<HTMLElement>('.ui-error-summary')?.focus();
    });
  };

  const submit = async () => {
    const request = alertRequest(draft);
    if ('problems' in request) {
      showErrors(
        Object.fromEntries(
          Object.entries(request.problems).map(([id, problem]) => [id, t(PROBLEM_KEY[problem])]),
        ),
      );
      return;
    }
    setBusy(true);
    try {
      await alertsApi.subscribe(request.input, locale);
      setErrors({});
      setGeneral([]);
      setSentTo(request.input.email);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const byControl = controlErrors(error.fieldErrors);
        showErrors(
          Object.fromEntries(
            Object.entries(byControl).map(([id, fieldError]) => [
              id,
              fieldMessage(fieldError.field, fieldError.code, t),
            ]),
          ),
        );
      } else if (isOriginRefusal(error)) {
        showErrors({}, [t('form.error.origin', { origin: location.origin })]);
      } else if (error instanceof ApiError && error.status === 429) {
        showErrors({}, [t('alerts.error.rateLimited')]);
      } else {
        showErrors({}, [t('alerts.error.generic')]);
      }
    } finally {
      setBusy(false);
    }
  };

  const useMyLocation = () => {
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const point = { lat: round6(position.coords.latitude), lon: round6(position.coords.longitude) };
        picker.current?.centreOn(point.lat, point.lon);
        update({ point });
        setPointNote(t('alerts.point.located'));
      },
      () => setPointNote(t('alerts.point.geoFailed')),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };

  const feeds = feedQuery(draft, locale);
  const feedLinks = (
    <>
      <link
        rel="alternate"
        type="application/rss+xml"
        title={t('alerts.feeds.rss')}
        href={`/feeds/reports.rss?${feeds}`}
      />
      <link
        rel="alternate"
        type="application/atom+xml"
        title={t('alerts.feeds.atom')}
        href={`/feeds/reports.atom?${feeds}`}
      />
    </>
  );

  if (sentTo) {
    return (
      <AccountPage title={t('alerts.title')}>
        <section className="account-card alerts-sent" aria-labelledby="alerts-sent-heading">
          <h2 id="alerts-sent-heading" ref={sentHeading} tabIndex={-1}>
            {t('alerts.sent.title')}
          </h2>
          <p role="status">{t('alerts.sent.body', { email: sentTo })}</p>
          <Button
            onClick={() => {
              setSentTo(null);
              update({ consent: false });
            }}
          >
            {t('alerts.sent.another')}
          </Button>
        </section>
      </AccountPage>
    );
  }

  const areaOptions = (areas?.features ?? [])
    .map((feature) => feature.properties as { code: string; name: string })
    .sort((a, b) => a.name.localeCompare(b.name, locale))
    .map((area) => ({ value: area.code, label: area.name }));
  const categoryOptions = (categories.data ?? []).map((category) => ({
    value: category.code,
    label: category.name,
  }));
  const radiusLabel = (metres: number) =>
    metres >= 1000
      ? t('alerts.radius.optionKm', { km: formatNumber(metres / 1000) })
      : t('alerts.radius.option', { metres });
  // The alerts' own notice, never the report form's (another purpose, on consent).
  const notice = settings.data?.alertsPrivacyNotice ?? null;
  const summaryItems = Object.entries(errors).map(([targetId, message]) => ({ targetId, message }));
  const pointWhere = draft.point
    ? t('alerts.point.chosen', {
        lat: formatNumber(draft.point.lat, { maximumFractionDigits: 5 }),
        lon: formatNumber(draft.point.lon, { maximumFractionDigits: 5 }),
      })
    : t('alerts.point.none');

  return (
    <AccountPage title={t('alerts.title')}>
      {feedLinks}
      <p className="lead">{t('alerts.intro')}</p>
      <form
        className="alerts-form"
        noValidate
        aria-labelledby="alerts-form-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id="alerts-form-heading" className="visually-hidden">
          {t('alerts.title')}
        </h2>
        <div ref={summary}>
          <ErrorSummary title={t('alerts.errorsTitle')} messages={general} items={summaryItems} />
        </div>

        <fieldset id="alert-scope" className="ui-fieldset">
          <legend className="ui-field__label">{t('alerts.scope.legend')}</legend>
          <div className="alerts-form__choices">
            {(['area', 'radius', 'category'] as const).map((scope) => (
              <div key={scope} className="ui-check">
                <input
                  id={`alert-scope-${scope}`}
                  type="radio"
                  name="alert-scope"
                  className="ui-check__box"
                  checked={draft.scope === scope}
                  onChange={() => update({ scope })}
                />
                <label htmlFor={`alert-scope-${scope}`} className="ui-check__label">
                  {t(`alerts.scope.${scope}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>

        {draft.scope === 'area' && (
          <SelectField
            id="alert-area"
            label={t('alerts.area.label')}
            placeholder={areas ? t('alerts.area.choose') : t('alerts.area.loading')}
            options={areaOptions}
            value={draft.area}
            onChange={(event) => update({ area: event.target.value })}
            error={errors['alert-area']}
          />
        )}

        {draft.scope === 'category' && (
          <SelectField
            id="alert-category"
            label={t('alerts.category.label')}
            placeholder={t('alerts.category.choose')}
            options={categoryOptions}
            value={draft.category}
            onChange={(event) => update({ category: event.target.value })}
            error={errors['alert-category']}
          />
        )}

        {draft.scope === 'radius' && (
          <div className={`ui-field alerts-form__point${errors['alert-point'] ? ' ui-field--invalid' : ''}`}>
            <p className="ui-field__label" id="alert-point-label">
              {t('alerts.point.label')}
            </p>
            <p id={hintId('alert-point')} className="ui-field__hint">
              {t('alerts.point.hint')}
            </p>
            {errors['alert-point'] && (
              <p id={errorId('alert-point')} className="ui-field__error">
                {errors['alert-point']}
              </p>
            )}
            <div className="alerts-form__tools">
              {'geolocation' in navigator && (
                <Button onClick={useMyLocation}>{t('alerts.point.useMine')}</Button>
              )}
              <Button onClick={() => picker.current?.pointAtCentre()}>{t('alerts.point.atCentre')}</Button>
            </div>
            <AlertPointPicker
              ref={picker}
              id="alert-point"
              value={draft.point}
              radius={draft.radius}
              initialView={{ lat: CITY_CENTRE[0], lon: CITY_CENTRE[1], zoom: CITY_ZOOM }}
              areas={areas}
              tiles={settings.data?.tiles ?? null}
              describedBy={[
                hintId('alert-point'),
                errors['alert-point'] ? errorId('alert-point') : null,
                'alert-point-where',
              ]
                .filter(Boolean)
                .join(' ')}
              invalid={Boolean(errors['alert-point'])}
              onChange={(point) => {
                update({ point });
                setPointNote(null);
              }}
            />
            <p id="alert-point-where" role="status" className="alerts-form__where">
              {pointNote ? `${pointNote} ${pointWhere}` : pointWhere}
            </p>
            <SelectField
              id="alert-radius"
              label={t('alerts.radius.label')}
              options={RADIUS_OPTIONS.map((metres) => ({
                value: String(metres),
                label: radiusLabel(metres),
              }))}
              value={String(draft.radius)}
              onChange={(event) => update({ radius: Number(event.target.value) })}
              error={errors['alert-radius']}
            />
          </div>
        )}

        <fieldset id="alert-frequency" className="ui-fieldset">
          <legend className="ui-field__label">{t('alerts.frequency.legend')}</legend>
          <div className="alerts-form__choices">
            {(['instant', 'daily'] as const).map((frequency) => (
              <div key={frequency} className="ui-check">
                <input
                  id={`alert-frequency-${frequency}`}
                  type="radio"
                  name="alert-frequency"
                  className="ui-check__box"
                  checked={draft.frequency === frequency}
                  onChange={() => update({ frequency })}
                />
                <label htmlFor={`alert-frequency-${frequency}`} className="ui-check__label">
                  {t(`alerts.frequency.${frequency}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>

        <TextField
          id="alert-email"
          label={t('alerts.email.label')}
          hint={t('alerts.email.hint')}
          type="email"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          maxLength={254}
          value={draft.email}
          onChange={(event) => update({ email: event.target.value })}
          error={errors['alert-email']}
        />

        <section className="privacy-notice" aria-labelledby="alert-privacy-heading">
          <h3 id="alert-privacy-heading">{t('alerts.privacyHeading')}</h3>
          <p>{t('alerts.privacyPurpose')}</p>
          {/* The city's own notice (GET /api/v1/map/settings), in the language it is written in. */}
          <div lang={notice?.locale}>
            {notice ? (
              notice.paragraphs.map((paragraph) => <p key={paragraph}>{paragraph}</p>)
            ) : (
              <p>{t('page.loading')}</p>
            )}
          </div>
        </section>
        <CheckboxField
          id="alert-consent"
          label={t('alerts.consent')}
          checked={draft.consent}
          onChange={(event) => update({ consent: event.target.checked })}
          error={errors['alert-consent']}
        />

        <Button type="submit" variant="primary" busy={busy}>
          {t('alerts.submit')}
        </Button>
      </form>
      <p className="alerts-feeds">
        {t('alerts.feeds')} <a href={`/feeds/reports.rss?${feeds}`}>RSS</a> ·{' '}
        <a href={`/feeds/reports.atom?${feeds}`}>Atom</a>
      </p>
    </AccountPage>
  );
}

function fieldMessage(field: string, code: string, t: ReturnType<typeof useT>['t']): string {
  if (field === 'consent') return t('alerts.error.consent');
  if (field === 'email') return t('alerts.error.email');
  if (field === 'area') return t('alerts.error.area');
  if (field === 'category') return t('alerts.error.category');
  if (field === 'lat' || field === 'lon') return t('alerts.error.point');
  return code === 'required' ? t('alerts.error.required') : t('alerts.error.generic');
}
