import {
  RESOLUTION_STATUSES,
  type CaseDetail,
  type DraftReply,
  type NoteVisibility,
  type ResolutionStatus,
  type ScreenedReply,
} from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, SelectField, TextAreaField, TextField } from '@plaza/web/ui';
import { useState } from 'react';
import { casesApi } from '@plaza/console/data-access';
import { PersonalDataText } from '@plaza/console/ui';
import { detectPersonalData } from '@plaza/shared/moderation';
import { Authorship, StatusLabel } from './CaseBits';
import { ReasonForm } from './ReasonForm';
import { ReplyComposer } from './ReplyComposer';
import type { CaseMoves } from './useMove';

/**
 * The department's moves: acknowledge, schedule, start, resolve (each with an optional or required
 * public message from their templates) and referring the case back to the community managers.
 */
export function DepartmentWork({
  detail,
  moves,
  id = 'work',
  includeReply = false,
}: {
  detail: CaseDetail;
  moves: CaseMoves;
  /** Prefix of the composer's element ids (`work-body`, `work-acknowledge`…). */
  id?: string;
  /** Also offer a plain public reply (community managers: one composer for every public message). */
  includeReply?: boolean;
}) {
  const { t } = useT();
  const [resolution, setResolution] = useState<ResolutionStatus>('fixed');
  const [scheduledFor, setScheduledFor] = useState('');
  const [referring, setReferring] = useState(false);
  const allowed = new Set(detail.allowedStatuses);
  const direct = detail.permissions.publishDirectly;
  // A progress message carries the override (if any); the style guide is for replies, not these notes.
  const message = (body: string, screening: ScreenedReply) => (body ? { message: body, ...(screening.override ? { override: screening.override } : {}) } : {});

  return (
    <>
      <ReplyComposer
        id={id}
        detail={detail}
        heading={id === 'work' ? t('cases.work.heading') : t('cases.reply.heading')}
        busy={moves.busy}
        error={moves.error}
        templateStatus={resolution}
        actions={[
          ...(includeReply
            ? [
                {
                  id: 'send',
                  label: direct ? t('cases.reply.send') : t('cases.reply.sendForApproval'),
                  requiresText: true,
                  run: (body: string, templateId: string | null, screening: ScreenedReply) =>
                    moves.run(() => casesApi.reply(detail.ref, { body, templateId: templateId ?? undefined, ...screening }), t('cases.reply.sent')),
                },
              ]
            : []),
          ...(allowed.has('investigating')
            ? [
                {
                  id: 'acknowledge',
                  label: t('cases.work.acknowledge'),
                  variant: 'secondary' as const,
                  requiresText: false,
                  run: (body: string, _templateId: string | null, screening: ScreenedReply) =>
                    moves.run(() => casesApi.acknowledge(detail.ref, message(body, screening)), t('cases.work.acknowledged')),
                },
              ]
            : []),
          ...(allowed.has('action_scheduled')
            ? [
                {
                  id: 'schedule',
                  label: t('cases.work.schedule'),
                  variant: 'secondary' as const,
                  requiresText: false,
                  run: (body: string, _templateId: string | null, screening: ScreenedReply) =>
                    moves.run(
                      () => casesApi.schedule(detail.ref, { ...message(body, screening), scheduledFor: scheduledFor || undefined }),
                      t('cases.work.scheduled'),
                    ),
                },
              ]
            : []),
          ...(allowed.has('in_progress')
            ? [
                {
                  id: 'start',
                  label: t('cases.work.start'),
                  variant: 'secondary' as const,
                  requiresText: false,
                  run: (body: string, _templateId: string | null, screening: ScreenedReply) =>
                    moves.run(() => casesApi.start(detail.ref, message(body, screening)), t('cases.work.started')),
                },
              ]
            : []),
          ...(allowed.has(resolution)
            ? [
                {
                  id: 'resolve',
                  label: direct ? t('cases.work.resolve') : t('cases.work.resolveForApproval'),
                  requiresText: true,
                  run: (body: string, templateId: string | null, screening: ScreenedReply) =>
                    moves.run(
                      () => casesApi.resolve(detail.ref, { status: resolution, body, templateId: templateId ?? undefined, ...screening }),
                      t('cases.work.resolved'),
                    ),
                },
              ]
            : []),
        ]}
      >
        <div className="form-row">
          <TextField
            id={`${id}-scheduled-for`}
            type="date"
            label={t('cases.work.scheduledFor')}
            value={scheduledFor}
            onChange={(event) => setScheduledFor(event.target.value)}
          />
          <SelectField
            id={`${id}-resolution`}
            label={t('cases.work.resolution')}
            options={RESOLUTION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`), disabled: !allowed.has(s) }))}
            value={resolution}
            onChange={(event) => setResolution(event.target.value as ResolutionStatus)}
          />
        </div>
        {!direct && <p className="hint">{t('cases.work.approvalHint')}</p>}
      </ReplyComposer>
      {!detail.permissions.moderate && (
      <section className="card" aria-labelledby="refer-heading">
        <h2 id="refer-heading">{t('cases.refer.heading')}</h2>
        {referring ? (
          <ReasonForm
            id="refer-reason"
            label={t('cases.refer.reason')}
            submitLabel={t('cases.refer.submit')}
            onCancel={() => setReferring(false)}
            onSubmit={(reason) => {
              void moves.run(() => casesApi.referBack(detail.ref, reason), t('cases.refer.done')).then((ok) => ok && setReferring(false));
            }}
          />
        ) : (
          <Button onClick={() => setReferring(true)}>{t('cases.refer.open')}</Button>
        )}
      </section>
      )}
    </>
  );
}

/** Department drafts awaiting a community manager: approve as is, edit then approve, or reject. */
export function PendingDrafts({ detail, moves }: { detail: CaseDetail; moves: CaseMoves }) {
  const { t, formatDate } = useT();
  const pending = detail.drafts.filter((d) => d.state === 'pending');
  const [rejecting, setRejecting] = useState<string | null>(null);
  if (pending.length === 0 && detail.drafts.length === 0) return null;
  return (
    <section className="card" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">{t('cases.drafts.heading', { count: pending.length })}</h2>
      <AlertMessage>{moves.error}</AlertMessage>
      {pending.map((draft) => (
        <article key={draft.id} className="draft" aria-labelledby={`draft-${draft.id}`}>
          <h3 id={`draft-${draft.id}`}>
            {t('cases.drafts.by', { name: draft.author.name, department: draft.department?.name ?? '—' })} ·{' '}
            {formatDate(draft.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
          </h3>
          {draft.proposedStatus && (
            <p>
              {t('cases.drafts.proposedStatus')} <StatusLabel status={draft.proposedStatus} />
            </p>
          )}
          {detail.permissions.moderate ? (
            <>
              <ReplyComposer
                id={`approve-${draft.id}`}
                detail={detail}
                heading={t('cases.drafts.review')}
                initialBody={draft.body}
                busy={moves.busy}
                error={null}
                actions={[
                  {
                    id: 'approve',
                    label: t('cases.drafts.approve'),
                    requiresText: true,
                    run: (body, _templateId, screening) =>
                      moves.run(
                        () => casesApi.approveDraft(detail.ref, draft.id, { ...(body === draft.body.trim() ? {} : { body }), ...screening }),
                        t('cases.drafts.approved'),
                      ),
                  },
                ]}
              />
              {rejecting === draft.id ? (
                <ReasonForm
                  id={`reject-${draft.id}`}
                  label={t('cases.drafts.rejectReason')}
                  submitLabel={t('cases.drafts.reject')}
                  onCancel={() => setRejecting(null)}
                  onSubmit={(reason) => void moves.run(() => casesApi.rejectDraft(detail.ref, draft.id, reason), t('cases.drafts.rejected'))}
                />
              ) : (
                <Button variant="danger" onClick={() => setRejecting(draft.id)}>
                  {t('cases.drafts.rejectOpen')}
                </Button>
              )}
            </>
          ) : (
            <blockquote className="draft__body">
              <PersonalDataText text={draft.body} spans={detectPersonalData(draft.body)} />
            </blockquote>
          )}
        </article>
      ))}
      <DecidedDrafts drafts={detail.drafts.filter((d) => d.state !== 'pending')} />
    </section>
  );
}

function DecidedDrafts({ drafts }: { drafts: DraftReply[] }) {
  const { t } = useT();
  if (drafts.length === 0) return null;
  return (
    <ul className="decided-drafts">
      {drafts.map((d) => (
        <li key={d.id}>
          {t(`cases.drafts.state.${d.state}`)} · {t('cases.drafts.by', { name: d.author.name, department: d.department?.name ?? '—' })}
          {d.decidedBy && ` · ${t('cases.drafts.decidedBy', { name: d.decidedBy.name })}`}
          {d.rejectionReason && ` · ${d.rejectionReason}`}
        </li>
      ))}
    </ul>
  );
}

/** Public timeline and internal notes side by side (stacked on a phone); notes are written in the composer. */
export function TimelineAndNotes({ detail }: { detail: CaseDetail }) {
  const { t, formatDate } = useT();
  return (
    <div className="side-by-side">
      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('cases.timeline.heading')}</h2>
        <ol className="timeline">
          {detail.timeline.map((entry) => (
            <li key={entry.id} className={entry.isPublic ? 'timeline__entry' : 'timeline__entry timeline__entry--private'}>
              <p className="timeline__meta">
                <time dateTime={entry.at}>{formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}</time> ·{' '}
                {entry.isPublic ? t('cases.timeline.public') : t('cases.timeline.private')} ·{' '}
                {entry.from && entry.from !== entry.to ? (
                  <>
                    <StatusLabel status={entry.from} /> → <StatusLabel status={entry.to} />
                  </>
                ) : (
                  <StatusLabel status={entry.to} />
                )}
              </p>
              {entry.message && <p className="timeline__message">{entry.message}</p>}
              <Authorship writtenBy={entry.writtenBy} approvedBy={entry.approvedBy} department={entry.department} />
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('cases.notes.heading')}</h2>
        {detail.notes.length === 0 ? (
          <p>{t('cases.notes.none')}</p>
        ) : (
          <ul className="notes">
            {detail.notes.map((note) => (
              <li key={note.id}>
                <p className="timeline__meta">
                  {note.author.name} · <time dateTime={note.at}>{formatDate(note.at, { dateStyle: 'medium', timeStyle: 'short' })}</time> ·{' '}
                  <span className="tag">{t(`cases.notes.visibility.${note.visibility}`)}</span>
                </p>
                <p className="note__body">{note.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/**
 * An internal note; its visibility is the composer's choice ("department instruction": the case's
 * department reads it too; "internal note": community managers only).
 */
export function NoteForm({ detail, moves, visibility }: { detail: CaseDetail; moves: CaseMoves; visibility: NoteVisibility }) {
  const { t } = useT();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="console-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!body.trim()) {
          setError(t('console.fieldError.required'));
          document.getElementById('note-body')?.focus();
          return;
        }
        setError(undefined);
        void moves
          .run(() => casesApi.note(detail.ref, { body: body.trim(), visibility }), t('cases.notes.added'))
          .then((ok) => ok && setBody(''));
      }}
    >
      <TextAreaField
        id="note-body"
        label={t(`cases.composer.noteLabel.${visibility}`)}
        hint={t('cases.notes.hint')}
        rows={4}
        value={body}
        error={error}
        onChange={(event) => setBody(event.target.value)}
      />
      <AlertMessage>{moves.error}</AlertMessage>
      <div className="console-form__actions">
        <Button type="submit" variant="primary" busy={moves.busy}>
          {t('cases.notes.add')}
        </Button>
      </div>
    </form>
  );
}
