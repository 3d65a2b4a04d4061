import { LOCALES, isLocale, type CaseDetail, type Locale, type ResponseTemplate, type ScreenedReply } from '@plaza/shared/contracts';
import { checkStyle, detectPersonalData, fillTemplate, kindsOf, passesStyle, spanishReadability } from '@plaza/shared/moderation';
import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, CheckboxField, SelectField, TextAreaField, TextField, type ButtonVariant } from '@plaza/web/ui';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { casesApi } from '@plaza/console/data-access';
import { PersonalDataText } from '@plaza/console/ui';
import { findingText, kindsText } from '@plaza/console/util';

export interface ComposerAction {
  id: string;
  label: string;
  variant?: ButtonVariant;
  /** A public message is required for this move (a reply, a resolution). */
  requiresText: boolean;
  /** `screening`: the reply's language and, from a community manager, the override of the personal-data check. */
  run(body: string, templateId: string | null, screening: ScreenedReply): Promise<boolean>;
}

export interface ReplyComposerProps {
  /** Prefix for element ids, so two composers on one page do not clash. */
  id: string;
  detail: CaseDetail;
  heading: string;
  actions: readonly ComposerAction[];
  busy: boolean;
  error: string | null;
  initialBody?: string;
  /** Offer the templates meant for this status (e.g. `fixed`) first. */
  templateStatus?: string | null;
  /** Extra controls between the body and the buttons (e.g. the resolution status). */
  children?: ReactNode;
}

/**
 * A public message to the citizen: start from a template (filled by the API with the case's data),
 * edit, and see the style guide's findings before sending. Errors block sending and say what to fix;
 * warnings are advice.
 */
export function ReplyComposer({ id, detail, heading, actions, busy, error, initialBody = '', templateStatus, children }: ReplyComposerProps) {
  const { t, locale: uiLocale } = useT();
  // Answer in the citizen's language by default (their account's, else the report's); staff may switch.
  const citizenLocale = isLocale(detail.reporter.locale) ? detail.reporter.locale : null;
  const [locale, setLocale] = useState<Locale>(citizenLocale ?? (isLocale(uiLocale) ? uiLocale : 'es'));
  const [templates, setTemplates] = useState<ResponseTemplate[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [styleNotes, setStyleNotes] = useState('');
  const [body, setBody] = useState(initialBody);
  const [blocked, setBlocked] = useState<string | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const findingsRef = useRef<HTMLDivElement>(null);
  const personalRef = useRef<HTMLDivElement>(null);
  // The chosen template's group and the text it filled: switching language re-fills from the same
  // template in the new language, unless the text has been edited since (then it is left alone).
  const chosenGroup = useRef<string | null>(null);
  const filledText = useRef<string | null>(null);
  const bodyNow = useRef(body);
  bodyNow.current = body;
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  // The API refuses published text with personal data: a community manager may override it with a
  // reason; other staff publishing directly must remove it; a draft goes to a CM who will see it.
  const personalMode = detail.permissions.moderate ? 'override' : detail.permissions.publishDirectly ? 'block' : 'warn';

  useEffect(() => {
    let current = true;
    casesApi.templates({ category: detail.category.code, locale }).then(
      (list) => {
        if (!current) return;
        // Templates for the move at hand first, then the rest in title order.
        const rank = (tpl: ResponseTemplate) => (templateStatus && tpl.status === templateStatus ? 0 : 1);
        const sorted = [...list].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
        setTemplates(sorted);
        const sibling = chosenGroup.current ? sorted.find((tpl) => tpl.groupId === chosenGroup.current) : undefined;
        if (sibling && sibling.locale === locale && bodyNow.current === filledText.current) void fillFrom(sibling);
        else if (chosenGroup.current) setTemplateId(sibling?.id ?? '');
      },
      () => current && setTemplates([]),
    );
    return () => {
      current = false;
    };
  }, [detail.category.code, locale, templateStatus]);

  const chooseTemplate = async (value: string) => {
    setTemplateId(value);
    const template = templates.find((tpl) => tpl.id === value);
    chosenGroup.current = template?.groupId ?? null;
    if (template) await fillFrom(template);
  };

  const fillFrom = async (template: ResponseTemplate) => {
    setTemplateId(template.id);
    setTemplateError(null);
    setStyleNotes(template.styleNotes);
    try {
      const filled = await casesApi.templateFill(detail.ref, template.id);
      filledText.current = filled.body;
      setBody(filled.body);
    } catch {
      // Without the API's filling, fill what the case view knows and let the check flag the rest.
      const filled = fillTemplate(template.body, {
        ref: detail.ref,
        title: detail.title,
        category: detail.category.name,
        department: detail.department?.name,
        area: detail.area?.name,
        address: detail.address,
        status: t(`status.${detail.status}`),
        date: new Date().toLocaleDateString(locale),
      });
      filledText.current = filled.text;
      setBody(filled.text);
      setTemplateError(t('cases.reply.templateFilledLocally'));
    }
  };

  const findings = useMemo(() => (body.trim() ? checkStyle(body, locale) : []), [body, locale]);
  const leftovers = useMemo(() => [...new Set([...body.matchAll(/\{([A-Za-z_]+)\}/g)].map((m) => m[1] ?? ''))], [body]);
  const readability = useMemo(() => (locale === 'es' && body.trim() ? spanishReadability(body) : null), [body, locale]);
  const ok = passesStyle(findings) && leftovers.length === 0;
  const personal = useMemo(() => detectPersonalData(body), [body]);

  const send = async (action: ComposerAction) => {
    const text = body.trim();
    if (action.requiresText && !text) {
      setBlocked(t('cases.reply.required'));
      document.getElementById(`${id}-body`)?.focus();
      return;
    }
    if (text && !ok) {
      setBlocked(t('cases.reply.fixFirst'));
      findingsRef.current?.focus();
      return;
    }
    const overriding = personal.length > 0 && personalMode === 'override' && override;
    if (text && personal.length > 0 && personalMode !== 'warn' && !(overriding && overrideReason.trim())) {
      setBlocked(personalMode === 'override' ? t('cases.pd.overrideNeeded') : t('cases.pd.replyBlocked'));
      personalRef.current?.focus();
      return;
    }
    setBlocked(null);
    const screening: ScreenedReply = { language: locale, ...(overriding ? { override: { reason: overrideReason.trim() } } : {}) };
    const sent = await action.run(text, templateId || null, screening);
    if (sent) {
      setBody('');
      setTemplateId('');
      chosenGroup.current = null;
      filledText.current = null;
      setStyleNotes('');
      setOverride(false);
      setOverrideReason('');
    }
  };

  return (
    <section className="card composer" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <div className="form-row">
        <SelectField
          id={`${id}-locale`}
          label={t('cases.reply.language')}
          hint={citizenLocale ? t('languages.reply.citizenLocale', { language: t(`cases.locale.${citizenLocale}`) }) : undefined}
          options={LOCALES.map((l) => ({ value: l, label: t(`cases.locale.${l}`) }))}
          value={locale}
          onChange={(event) => isLocale(event.target.value) && setLocale(event.target.value)}
        />
        <SelectField
          id={`${id}-template`}
          label={t('cases.reply.template')}
          placeholder={templates.length === 0 ? t('cases.reply.noTemplates') : t('cases.reply.chooseTemplate')}
          options={templates.map((tpl) => ({ value: tpl.id, label: tpl.title }))}
          value={templateId}
          onChange={(event) => void chooseTemplate(event.target.value)}
        />
      </div>
      {styleNotes && (
        <div className="style-notes">
          <h3>{t('cases.reply.styleNotes')}</h3>
          <p>{styleNotes}</p>
        </div>
      )}
      {templateError && <p className="hint">{templateError}</p>}
      <TextAreaField
        id={`${id}-body`}
        label={t('cases.reply.body')}
        hint={t('cases.reply.bodyHint')}
        rows={7}
        lang={locale}
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      <div id={`${id}-check`} className="style-check" ref={findingsRef} tabIndex={-1} aria-labelledby={`${id}-check-heading`} role="group">
        <h3 id={`${id}-check-heading`}>{t('cases.style.heading')}</h3>
        {!body.trim() ? (
          <p>{t('cases.style.empty')}</p>
        ) : findings.length === 0 && leftovers.length === 0 ? (
          <p className="style-check__ok">{t('cases.style.ok')}</p>
        ) : (
          <ul className="style-findings">
            {leftovers.length > 0 && (
              <li className="finding finding--error">
                <strong>{t('cases.style.mustFix')}</strong> {t('cases.style.placeholders', { names: leftovers.map((n) => `{${n}}`).join(', ') })}
              </li>
            )}
            {findings.map((finding) => (
              <li key={finding.rule} className={`finding finding--${finding.severity}`}>
                <strong>{finding.severity === 'error' ? t('cases.style.mustFix') : t('cases.style.advice')}</strong> {findingText(t, finding)}
              </li>
            ))}
          </ul>
        )}
        {readability && (
          <p className="readability">
            {t('cases.style.score', { score: readability.score, band: t(`cases.style.band.${readability.band}`) })}
          </p>
        )}
      </div>
      {personal.length > 0 && (
        <div id={`${id}-pd`} className="pd-reply" ref={personalRef} tabIndex={-1} role="group" aria-labelledby={`${id}-pd-heading`}>
          <h3 id={`${id}-pd-heading`}>{t('cases.pd.replyHeading')}</h3>
          <p className="warning">{t('cases.pd.replyFound', { count: personal.length, kinds: kindsText(t, kindsOf(personal)) })}</p>
          <PersonalDataText text={body} spans={personal} />
          {personalMode === 'block' && <p>{t('cases.pd.replyBlocked')}</p>}
          {personalMode === 'warn' && <p>{t('cases.pd.replyDraftNote')}</p>}
          {personalMode === 'override' && (
            <>
              <CheckboxField id={`${id}-override`} label={t('cases.pd.override')} checked={override} onChange={(event) => setOverride(event.target.checked)} />
              {override && (
                <TextField
                  id={`${id}-override-reason`}
                  label={t('cases.pd.overrideReason')}
                  value={overrideReason}
                  maxLength={1000}
                  onChange={(event) => setOverrideReason(event.target.value)}
                />
              )}
            </>
          )}
        </div>
      )}
      {children}
      <AlertMessage>{blocked ?? error}</AlertMessage>
      <div className="console-form__actions">
        {actions.map((action) => (
          <Button key={action.id} id={`${id}-${action.id}`} variant={action.variant ?? 'primary'} busy={busy} onClick={() => void send(action)}>
            {action.label}
          </Button>
        ))}
      </div>
    </section>
  );
}
