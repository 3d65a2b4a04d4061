import {
  isLocale,
  PROPOSAL_OUTCOMES,
  type DepartmentRef,
  type ProposalAnswerTemplate,
  type ProposalDetail,
  type ProposalOutcome,
} from '@plaza/shared/contracts';
import { checkStyle, fillTemplate, passesStyle } from '@plaza/shared/moderation';
import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, SelectField, StatusMessage, TextAreaField, TextField } from '@plaza/web/ui';
import { useEffect, useMemo, useState } from 'react';
import { casesApi, proposalsApi, useLoad } from '@plaza/console/data-access';
import { ConsoleLink, LoadStatus, Page } from '@plaza/console/ui';
import { findingText, requestErrorMessage } from '@plaza/console/util';
import './participation.css';

/**
 * One proposal as staff see it: evaluation (community managers pick the answering department), the
 * official answer from a template checked against the style guide, progress, and linked reports.
 */
export function ProposalStaffPage({ id, manager }: { id: number; manager: boolean }) {
  const { t, locale } = useT();
  const [state, reload] = useLoad(() => proposalsApi.detail(id), [id]);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      reload();
    } catch (error) {
      setFailure(requestErrorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  const proposal = state.data ?? null;
  return (
    <Page title={proposal ? proposal.title : t('participation.proposal.title', { id })}>
      <StatusMessage>{done}</StatusMessage>
      <AlertMessage>{failure}</AlertMessage>
      <LoadStatus state={state} onRetry={reload} />
      {proposal && (
        <>
          {proposal.moderation && (
            <section className="staff-moderation" aria-labelledby="moderation-heading">
              <h2 id="moderation-heading">{t('participation.proposal.hidden')}</h2>
              <dl className="flag-card__facts">
                <dt>{t('participation.proposal.hiddenReason')}</dt>
                <dd>
                  {t(`participation.reason.${proposal.moderation.reason}` as 'participation.reason.other')}
                  {proposal.moderation.provisional && ` (${t('participation.flags.state.hidden_provisionally')})`}
                </dd>
                <dt>{t('participation.proposal.hiddenSince')}</dt>
                <dd>{new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(proposal.moderation.decidedAt))}</dd>
                {proposal.moderation.statusBeforeHidden && (
                  <>
                    <dt>{t('participation.proposal.statusBefore')}</dt>
                    <dd>{t(`participation.proposalStatus.${proposal.moderation.statusBeforeHidden}` as 'participation.proposalStatus.published')}</dd>
                  </>
                )}
                {proposal.moderation.note && (
                  <>
                    <dt>{t('participation.proposal.hiddenNote')}</dt>
                    <dd>{proposal.moderation.note}</dd>
                  </>
                )}
                <dt>{t('participation.proposal.reviewRequested')}</dt>
                <dd>{t(proposal.moderation.reviewRequested ? 'participation.proposal.yes' : 'participation.proposal.no')}</dd>
              </dl>
              <p>
                <ConsoleLink href="/flags">{t('participation.proposal.toFlags')}</ConsoleLink>
              </p>
            </section>
          )}
          <dl className="flag-card__facts">
            <dt>{t('participation.proposals.field.status')}</dt>
            <dd>{t(`participation.proposalStatus.${proposal.status}`)}</dd>
            <dt>{t('participation.proposals.field.theme')}</dt>
            <dd>{proposal.theme.name}</dd>
            <dt>{t('participation.proposal.department')}</dt>
            <dd>{proposal.department?.name ?? t('participation.proposal.noDepartment')}</dd>
            <dt>{t('participation.proposals.field.supports')}</dt>
            <dd>{proposal.supports}</dd>
          </dl>
          <p>{proposal.summary}</p>
          <h2>{t('participation.proposal.description')}</h2>
          <p className="staff-proposal__description">{proposal.description}</p>
          <p>
            <a href={`/proposals/${proposal.id}`}>{t('participation.flags.publicPage', { id: proposal.id })}</a>
          </p>
          {proposal.answers.length > 0 && (
            <section aria-labelledby="answers-heading">
              <h2 id="answers-heading">{t('participation.answer.given')}</h2>
              {proposal.answers.map((answer) => (
                <blockquote key={answer.at} className="flag-card__excerpt">
                  <strong>{t(`participation.outcome.${answer.outcome}`)}</strong>: {answer.text}
                </blockquote>
              ))}
            </section>
          )}
          {manager && proposal.status === 'published' && (
            <EvaluateForm busy={busy} onSubmit={(departmentId) => void run(() => proposalsApi.evaluate(id, departmentId ? { departmentId } : {}), t('participation.evaluate.done'))} />
          )}
          {proposal.status === 'under_evaluation' && (
            <AnswerForm
              proposal={proposal}
              busy={busy}
              onSubmit={(input) => void run(() => proposalsApi.answer(id, input), t('participation.answer.done'))}
            />
          )}
          {(proposal.status === 'accepted' || proposal.status === 'partially_accepted' || proposal.status === 'in_execution') && (
            <ProgressForm
              next={proposal.status === 'in_execution' ? 'completed' : 'in_execution'}
              busy={busy}
              onSubmit={(status, message) =>
                void run(() => proposalsApi.progress(id, { status, ...(message ? { message } : {}) }), t('participation.progress.done'))
              }
            />
          )}
          <LinkedReports
            proposal={proposal}
            manager={manager}
            busy={busy}
            onLink={(reportRef) => void run(() => proposalsApi.linkReport(id, { reportRef }), t('participation.reports.linked'))}
            onUnlink={(ref) => void run(() => proposalsApi.unlinkReport(id, ref), t('participation.reports.unlinked'))}
          />
        </>
      )}
    </Page>
  );
}

function EvaluateForm({ busy, onSubmit }: { busy: boolean; onSubmit(departmentId: string): void }) {
  const { t } = useT();
  const [departments] = useLoad(() => casesApi.departments().catch((): DepartmentRef[] => []));
  const [departmentId, setDepartmentId] = useState('');
  return (
    <section aria-labelledby="evaluate-heading">
      <h2 id="evaluate-heading">{t('participation.evaluate.title')}</h2>
      <form
        noValidate
        className="console-form"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(departmentId);
        }}
      >
        <SelectField
          id="evaluate-department"
          label={t('participation.evaluate.department')}
          hint={t('participation.evaluate.departmentHint')}
          value={departmentId}
          placeholder={t('participation.evaluate.themeDefault')}
          onChange={(event) => setDepartmentId(event.target.value)}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
        <div className="console-form__actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('participation.evaluate.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function AnswerForm({
  proposal,
  busy,
  onSubmit,
}: {
  proposal: ProposalDetail;
  busy: boolean;
  onSubmit(input: { outcome: ProposalOutcome; templateId: string; text: string }): void;
}) {
  const { t, locale } = useT();
  const [outcome, setOutcome] = useState<ProposalOutcome>('accepted');
  const [templates] = useLoad(() => proposalsApi.templates(locale, outcome), [locale, outcome]);
  const [templateId, setTemplateId] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const choose = (template: ProposalAnswerTemplate | undefined) => {
    setTemplateId(template?.id ?? '');
    if (!template) return;
    const filled = fillTemplate(template.body, { department: proposal.department?.name, title: proposal.title, status: null });
    setText(filled.text);
  };

  // A new outcome has other templates: start again from the first one offered.
  useEffect(() => {
    const first = templates.data?.[0];
    if (templates.status === 'ready' && first && !templates.data.some((tpl) => tpl.id === templateId)) choose(first);
  }, [templates]);

  // The built-in answer templates exist in the five languages (issue 18): check the one on screen.
  const styleLocale = isLocale(locale) ? locale : 'es';
  const findings = useMemo(() => (text.trim() ? checkStyle(text, styleLocale) : []), [text, styleLocale]);
  const leftovers = useMemo(() => [...new Set([...text.matchAll(/\{([A-Za-z_]+)\}/g)].map((m) => m[1] ?? ''))], [text]);
  const ok = text.trim() !== '' && passesStyle(findings) && leftovers.length === 0;

  return (
    <section aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t('participation.answer.title')}</h2>
      <form
        noValidate
        className="console-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!templateId || !ok) {
            setError(t('participation.answer.fixFirst'));
            document.getElementById('answer-check')?.focus();
            return;
          }
          setError(null);
          onSubmit({ outcome, templateId, text: text.trim() });
        }}
      >
        <SelectField
          id="answer-outcome"
          label={t('participation.answer.outcome')}
          value={outcome}
          onChange={(event) => setOutcome(event.target.value as ProposalOutcome)}
          options={PROPOSAL_OUTCOMES.map((value) => ({ value, label: t(`participation.outcome.${value}`) }))}
        />
        <SelectField
          id="answer-template"
          label={t('participation.answer.template')}
          value={templateId}
          onChange={(event) => choose(templates.data?.find((tpl) => tpl.id === event.target.value))}
          options={(templates.data ?? []).map((tpl) => ({ value: tpl.id, label: tpl.title }))}
        />
        <TextAreaField
          id="answer-text"
          label={t('participation.answer.text')}
          hint={t('participation.answer.textHint')}
          rows={7}
          lang={styleLocale}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <div id="answer-check" role="group" tabIndex={-1} aria-labelledby="answer-check-heading" className="style-check">
          <h3 id="answer-check-heading">{t('cases.style.heading')}</h3>
          {ok ? (
            <p>{t('cases.style.ok')}</p>
          ) : (
            <ul>
              {leftovers.length > 0 && (
                <li>
                  <strong>{t('cases.style.mustFix')}</strong> {t('cases.style.placeholders', { names: leftovers.map((n) => `{${n}}`).join(', ') })}
                </li>
              )}
              {findings.map((finding) => (
                <li key={finding.rule}>
                  <strong>{finding.severity === 'error' ? t('cases.style.mustFix') : t('cases.style.advice')}</strong> {findingText(t, finding)}
                </li>
              ))}
            </ul>
          )}
        </div>
        <AlertMessage>{error}</AlertMessage>
        <div className="console-form__actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('participation.answer.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ProgressForm({ next, busy, onSubmit }: { next: 'in_execution' | 'completed'; busy: boolean; onSubmit(status: 'in_execution' | 'completed', message: string): void }) {
  const { t } = useT();
  const [message, setMessage] = useState('');
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('participation.progress.title')}</h2>
      <form
        noValidate
        className="console-form"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(next, message.trim());
        }}
      >
        <TextAreaField id="progress-message" label={t('participation.progress.message')} rows={3} value={message} onChange={(event) => setMessage(event.target.value)} />
        <div className="console-form__actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t(`participation.progress.to.${next}`)}
          </Button>
        </div>
      </form>
    </section>
  );
}

function LinkedReports({
  proposal,
  manager,
  busy,
  onLink,
  onUnlink,
}: {
  proposal: ProposalDetail;
  manager: boolean;
  busy: boolean;
  onLink(ref: string): void;
  onUnlink(ref: string): void;
}) {
  const { t } = useT();
  const [ref, setRef] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t('participation.reports.title')}</h2>
      {proposal.linkedReports.length === 0 ? (
        <p>{t('participation.reports.none')}</p>
      ) : (
        <ul>
          {proposal.linkedReports.map((report) => (
            <li key={report.ref}>
              <a href={`/reports/${encodeURIComponent(report.ref)}`}>
                {report.ref} · {report.title}
              </a>{' '}
              {manager && (
                <Button variant="link" disabled={busy} onClick={() => onUnlink(report.ref)}>
                  {t('participation.reports.unlink', { ref: report.ref })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {manager && (
        <form
          noValidate
          className="console-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!ref.trim()) {
              setError(t('console.fieldError.required'));
              document.getElementById('link-report-ref')?.focus();
              return;
            }
            setError(null);
            onLink(ref.trim());
            setRef('');
          }}
        >
          <TextField id="link-report-ref" label={t('participation.reports.ref')} value={ref} error={error} onChange={(event) => setRef(event.target.value)} />
          <div className="console-form__actions">
            <Button type="submit" busy={busy}>
              {t('participation.reports.link')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
