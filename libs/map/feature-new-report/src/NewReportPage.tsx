import { REPORT_LIMITS } from '@plaza/shared/contracts';
import { useDocumentTitle, useT, type TranslationKey } from '@plaza/web/i18n';
import { AlertMessage, Button, ErrorSummary, focusControl } from '@plaza/web/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useSession } from '@plaza/web/session';
import { forgetCategories, loadAreas, reversePlace, useCategories, useMapSettings } from '@plaza/map/data-access';
import { ApiError, isOriginRefusal, isRetryable } from '@plaza/web/api-client';
import { CITY_CENTRE, CITY_ZOOM } from '@plaza/map/ui';
import { appHref, areaAt, go, lastExploreHref, lastExploreView, useFocusOnArrival } from '@plaza/map/util';
import { CategoryStep } from './CategoryStep';
import { ContactStep } from './ContactStep';
import { DetailsStep } from './DetailsStep';
import { EMPTY_DRAFT, formErrorsFromApi, STEPS, validateStep, type FormError, type ReportDraft, type Step } from './draft';
import { Duplicates } from './Duplicates';
import { forgetDraft, restoreDraft, storeDraft, tabStorage } from './draft-storage';
import { LocationStep } from './LocationStep';
import { sentPath, SubmissionAttempt, submitReport } from './submit';

// Kept for the page's lifetime: opening a suggested duplicate and coming back keeps the draft
// (with its photos). A reload starts from the copy in the tab's sessionStorage (without photos).
let saved: { draft: ReportDraft; step: Step } | null = null;

// What each control is called in the error summary, so "required" says which field it means.
const FIELD_LABELS: Record<string, TranslationKey> = {
  'nr-location': 'form.label.location',
  'nr-category': 'form.label.category',
  'nr-title': 'form.label.title',
  'nr-description': 'form.label.description',
  'nr-address': 'form.label.address',
  'nr-photos': 'form.label.photos',
  'nr-name': 'form.label.name',
  'nr-email': 'form.label.email',
  'nr-phone': 'form.label.phone',
  'nr-show-name': 'form.label.showName',
  'nr-consent': 'form.label.consent',
};

const STEP_NAMES: Record<Step, TranslationKey> = {
  location: 'form.step.location',
  category: 'form.step.category',
  details: 'form.step.details',
  contact: 'form.step.contact',
};

/** Filing a report in four short steps; every check is repeated by the API, whose word is final. */
export function NewReportPage() {
  const i18n = useT();
  const { t } = i18n;
  useDocumentTitle('form.pageTitle');
  const [restored] = useState(() => saved ?? restoreDraft(tabStorage()));
  const [draft, setDraft] = useState<ReportDraft>(restored?.draft ?? EMPTY_DRAFT);
  const [step, setStep] = useState<Step>(restored?.step ?? 'location');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [general, setGeneral] = useState<string[]>([]);
  const [sending, setSending] = useState<'idle' | 'sending' | 'failed'>('idle');
  const [supported, setSupported] = useState<string | null>(null);
  const [categoriesReload, setCategoriesReload] = useState(0);
  const [areas, setAreas] = useState<GeoJSON.FeatureCollection | null>(null);
  const categories = useCategories(categoriesReload);
  const settings = useMapSettings();
  const attempt = useRef(new SubmissionAttempt());
  const pageHeading = useRef<HTMLHeadingElement>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const [initialView] = useState(() => lastExploreView() ?? { lat: CITY_CENTRE[0], lon: CITY_CENTRE[1], zoom: CITY_ZOOM });
  useFocusOnArrival(pageHeading);
  const { state: session } = useSession();
  const account = session.status === 'signedIn' ? session.session.user : null;
  // Signed in: the contact step starts from the account's name and email (only where empty; both stay editable).
  useEffect(() => {
    if (!account) return;
    setDraft((d) => (d.name && d.email ? d : { ...d, name: d.name || account.name, email: d.email || account.email }));
  }, [account]);

  useEffect(() => {
    loadAreas().then(setAreas, () => setAreas(null));
  }, []);
  // The area comes from the pin; the areas may arrive after a pin restored from a saved draft.
  useEffect(() => {
    setDraft((d) => (d.location ? { ...d, area: areaAt(areas, d.location.lon, d.location.lat) } : d));
  }, [areas]);
  // The pin's address, from the city's address service (GET /places/reverse), fills the address
  // field while the visitor has not written one of their own; a moved pin updates it.
  const autoAddress = useRef<string | null>(null);
  const pin = draft.location;
  useEffect(() => {
    if (!pin) return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      reversePlace(pin.lat, pin.lon, controller.signal).then(
        (place) => {
          if (!place) return;
          setDraft((d) => {
            if (d.address && d.address !== autoAddress.current) return d;
            autoAddress.current = place.name;
            return { ...d, address: place.name };
          });
        },
        () => undefined,
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [pin]);
  useEffect(() => {
    saved = { draft, step };
    storeDraft(tabStorage(), draft, step);
  }, [draft, step]);
  // Focus moves after the render that shows its target: a step's heading, or the first invalid field.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    if (target === 'step') stepHeading.current?.focus();
    else {
      const element = document.getElementById(target);
      const chosen = element?.querySelector<HTMLInputElement>('input[type=radio]:checked');
      if (chosen) chosen.focus();
      else if (element) focusControl(element);
    }
  });

  const update = (patch: Partial<ReportDraft>) => {
    setDraft((d) => {
      const next = { ...d, ...patch };
      if (patch.location) next.area = areaAt(areas, patch.location.lon, patch.location.lat);
      return next;
    });
    // A corrected field stops being flagged once changed; the rest keep their messages.
    if (errors.length) setErrors((list) => list.filter((e) => !touches(e.id, patch)));
  };

  const goTo = (next: Step) => {
    setStep(next);
    setErrors([]);
    setGeneral([]);
    pendingFocus.current = 'step';
  };

  const submit = async () => {
    setSending('sending');
    setGeneral([]);
    try {
      const csrf = session.status === 'signedIn' ? session.session.csrfToken : null;
      const report = await submitReport(draft, attempt.current.keyFor(draft), csrf);
      saved = null;
      forgetDraft(tabStorage());
      go(sentPath(report), { state: { status: report.properties.status } });
    } catch (error) {
      if (!(error instanceof ApiError) || isRetryable(error)) {
        // Nothing is lost; sending again reuses the Idempotency-Key, so no duplicate is filed.
        setSending('failed');
        return;
      }
      setSending('idle');
      if (isOriginRefusal(error)) {
        // Nothing in the form is wrong: the server does not accept this page's address.
        setGeneral([t('form.error.origin', { origin: location.origin })]);
        return;
      }
      const apiErrors =
        error.status === 413 ? [{ field: 'photos', code: 'too_large', message: error.message }] : error.fieldErrors;
      if (apiErrors.some((e) => e.code === 'unknown_category')) {
        // The category was withdrawn after the list was loaded: fetch the current list.
        forgetCategories(i18n.locale);
        setCategoriesReload((n) => n + 1);
      }
      const { placed, other } = formErrorsFromApi(apiErrors, i18n);
      setErrors(placed);
      setGeneral(placed.length === 0 && other.length === 0 ? [t('form.error.generic')] : other);
      const first = placed[0];
      if (first) {
        setStep(first.step);
        pendingFocus.current = first.id;
      }
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (sending === 'sending') return;
    const found = validateStep(step, draft, i18n, areas !== null);
    if (found.length > 0) {
      setErrors(found);
      pendingFocus.current = found[0]?.id ?? null;
      return;
    }
    setErrors([]);
    const index = STEPS.indexOf(step);
    if (index === STEPS.length - 1) void submit();
    else goTo(STEPS[index + 1] as Step);
  };

  const index = STEPS.indexOf(step);
  const stepErrors = errors.filter((e) => e.step === step);
  const errorFor = Object.fromEntries(stepErrors.map((e) => [e.id, e.message]));
  const category = categories.data?.find((c) => c.code === draft.category);

  return (
    <main id="main" tabIndex={-1} className="page-content new-report">
      <p className="back-link">
        <Link href={appHref(lastExploreHref())}>{t('nav.backToMap')}</Link>
      </p>
      <h1 ref={pageHeading} tabIndex={-1}>
        {t('form.heading')}
      </h1>
      <ol className="steps" aria-label={t('form.progress')}>
        {STEPS.map((s, i) => (
          <li key={s} className={i < index ? 'steps__done' : i === index ? 'steps__current' : undefined} aria-current={s === step ? 'step' : undefined}>
            <span className="steps__number" aria-hidden="true">
              {i + 1}
            </span>{' '}
            {t(STEP_NAMES[s])}
            {i < index && <span className="visually-hidden"> ({t('form.stepDone')})</span>}
          </li>
        ))}
      </ol>

      <form noValidate onSubmit={onSubmit} className="new-report__form" aria-labelledby="step-heading">
        <h2 id="step-heading" ref={stepHeading} tabIndex={-1}>
          {t('form.stepHeading', { n: index + 1, total: STEPS.length, name: t(STEP_NAMES[step]) })}
        </h2>
        <ErrorSummary
          title={t('form.errorSummary')}
          messages={general}
          items={stepErrors.map((e) => ({ targetId: e.id, message: `${t(FIELD_LABELS[e.id] ?? 'form.errorSummary')} ${e.message}` }))}
        />

        {step === 'location' && (
          <LocationStep
            draft={draft}
            error={errorFor['nr-location'] ?? null}
            initialView={draft.location ? { ...draft.location, zoom: 17 } : initialView}
            areas={areas}
            tiles={settings.data?.tiles ?? null}
            onLocation={(location, address) => update(address && !draft.address ? { location, address } : { location })}
          />
        )}
        {step === 'category' && (
          <>
            <CategoryStep
              categories={categories.data}
              failed={categories.error}
              value={draft.category}
              error={errorFor['nr-category'] ?? null}
              onChange={(code) => {
                setSupported(null);
                update({ category: code });
              }}
            />
            {draft.category && draft.location && (
              <Duplicates location={draft.location} category={draft.category} onSupported={setSupported} />
            )}
            {supported && (
              <div className="support-success">
                <p>{t('duplicates.supported', { ref: supported })}</p>
                <p>
                  <Link href={appHref(`/reports/${encodeURIComponent(supported)}`)}>{t('duplicates.open')}</Link>
                  {' · '}
                  <Link href={appHref(lastExploreHref())}>{t('nav.backToMap')}</Link>
                </p>
                <p>{t('duplicates.stillFile')}</p>
              </div>
            )}
          </>
        )}
        {step === 'details' && <DetailsStep draft={draft} errors={errorFor} onChange={update} />}
        {step === 'contact' && (
          <>
            <Summary draft={draft} categoryName={category?.name ?? draft.category ?? ''} onEdit={goTo} />
            <ContactStep draft={draft} errors={errorFor} notice={settings.data?.privacyNotice ?? null} onChange={update} />
          </>
        )}

        {sending === 'failed' && <AlertMessage>{t('form.networkError')}</AlertMessage>}
        <div className="form-actions">
          {index > 0 && <Button onClick={() => goTo(STEPS[index - 1] as Step)}>{t('form.back')}</Button>}
          <Button type="submit" variant="primary" busy={sending === 'sending'}>
            {index < STEPS.length - 1 ? t('form.continue') : sending === 'failed' ? t('form.retry') : t('form.send')}
          </Button>
        </div>
        <p role="status" className="visually-hidden">
          {sending === 'sending' ? t('form.sending') : ''}
        </p>
      </form>
    </main>
  );
}

/** What is about to be sent, with a way back to each part. */
function Summary({ draft, categoryName, onEdit }: { draft: ReportDraft; categoryName: string; onEdit(step: Step): void }) {
  const { t } = useT();
  const rows: Array<[Step, string, string]> = [
    ['location', t('form.summary.where'), draft.area ?? t('form.summary.pinned')],
    ['category', t('form.summary.category'), categoryName],
    ['details', t('form.summary.title'), draft.title],
    ['details', t('form.summary.photos'), t('photos.count', { count: draft.photos.length, max: REPORT_LIMITS.photosMax })],
  ];
  return (
    <section className="summary" aria-labelledby="summary-heading">
      <h3 id="summary-heading">{t('form.summary.heading')}</h3>
      <dl>
        {rows.map(([step, label, value]) => (
          <div key={label} className="summary__row">
            <dt>{label}</dt>
            <dd>
              {value}{' '}
              <Button variant="link" onClick={() => onEdit(step)} aria-label={t('form.summary.change', { what: label })}>
                {t('form.summary.changeShort')}
              </Button>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Which fields a draft patch changes, by control id. */
function touches(id: string, patch: Partial<ReportDraft>): boolean {
  const byId: Record<string, keyof ReportDraft> = {
    'nr-location': 'location',
    'nr-category': 'category',
    'nr-title': 'title',
    'nr-description': 'description',
    'nr-address': 'address',
    'nr-photos': 'photos',
    'nr-name': 'name',
    'nr-email': 'email',
    'nr-phone': 'phone',
    'nr-show-name': 'showName',
    'nr-consent': 'consent',
  };
  const key = byId[id];
  return key !== undefined && key in patch;
}
