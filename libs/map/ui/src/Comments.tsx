import {
  COMMENT_LIMITS,
  type CommentThread,
  type CommentView,
  type SessionView,
} from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, TextAreaField } from '@plaza/web/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { actionErrorKey, useLoad } from '@plaza/map/util';
import { useMapUiApi } from './map-ui-api';
import { FlagForm } from './FlagForm';
import { SignInLink } from './SignInLink';
import './proposal-bits.css';

interface CommentsProps {
  /** The thread's API base: `/api/v1/proposals/12` or `/api/v1/reports/2026-000123`. */
  base: string;
  /** `undefined` while asking /auth/me, `null` for anonymous visitors. */
  session: SessionView | null | undefined;
}

/** A discussion (a proposal's or a report's): top-level comments with one level of replies; authors are never named. */
export function Comments({ base, session }: CommentsProps) {
  const { t } = useT();
  const threadApi = useMapUiApi().thread;
  const [thread, reload] = useLoad<CommentThread>(`comments-${base}`, (signal) => threadApi.comments(base, signal));
  const [sent, setSent] = useState(0);
  const [announce, setAnnounce] = useState('');

  const afterPost = () => {
    setSent((n) => n + 1);
    setAnnounce(t('comments.sent'));
    reload();
  };
  const afterChange = (message: string) => {
    setAnnounce(message);
    reload();
  };

  return (
    <section aria-labelledby="comments-heading" className="proposal-comments">
      <h2 id="comments-heading">
        {t('comments.title')}
        {thread.state === 'ready' && ` (${thread.data.total})`}
      </h2>
      {thread.state === 'loading' && <p role="status">{t('page.loading')}</p>}
      {thread.state === 'error' && (
        <p role="alert">
          {t('proposal.actionFailed')} <Button onClick={reload}>{t('page.retry')}</Button>
        </p>
      )}
      {thread.state === 'ready' && thread.data.comments.length === 0 && <p>{t('comments.empty')}</p>}
      {thread.state === 'ready' && (
        <ol className="comment-list">
          {thread.data.comments.map((comment) => (
            <li key={comment.id}>
              <Comment comment={comment} session={session} base={base} onPosted={afterPost} onChanged={afterChange} />
            </li>
          ))}
        </ol>
      )}
      <p role="status" className="visually-hidden">
        {announce}
      </p>
      {session ? (
        <CommentForm key={sent} base={base} session={session} onPosted={afterPost} />
      ) : session === null ? (
        <SignInLink message="comments.signInTo" />
      ) : null}
    </section>
  );
}

function Comment({
  comment,
  session,
  base,
  onPosted,
  onChanged,
}: {
  comment: CommentView;
  session: SessionView | null | undefined;
  base: string;
  onPosted(): void;
  onChanged(message: string): void;
}) {
  const { t, formatDate } = useT();
  const threadApi = useMapUiApi().thread;
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState(false);
  // Closing the edit form or the delete question gives focus back to the button that opened it
  // (it comes back on the next render), instead of dropping it on <body>.
  const [returnFocus, setReturnFocus] = useState<'edit' | 'delete' | null>(null);
  const articleRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!returnFocus) return;
    articleRef.current?.querySelector<HTMLButtonElement>(`:scope > .comment__actions [data-action="${returnFocus}"]`)?.focus();
    setReturnFocus(null);
  }, [returnFocus, editing]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = useEditable(comment.editableUntil ?? null);
  const isTopLevel = comment.parentId === null;
  const mine = Boolean(comment.mine) && comment.state === 'visible';

  const remove = async () => {
    if (!session) return;
    setBusy(true);
    setError(null);
    try {
      await threadApi.remove(comment.id, session);
      setConfirming(false);
      onChanged(t('comments.deletedDone'));
    } catch (failure) {
      setError(t(actionErrorKey(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article ref={articleRef} className="comment" aria-label={authorLabel(comment, t)} id={`comment-${comment.id}`}>
      <p className="comment__meta">
        <strong>{authorLabel(comment, t)}</strong> ·{' '}
        <time dateTime={comment.createdAt}>
          {formatDate(comment.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
        {comment.editedAt && ` ${t('comments.edited')}`}
      </p>
      {editing && session ? (
        <EditForm
          comment={comment}
          session={session}
          onCancel={() => {
            setEditing(false);
            setReturnFocus('edit');
          }}
          onSaved={() => {
            setEditing(false);
            setReturnFocus('edit');
            onChanged(t('comments.editedDone'));
          }}
        />
      ) : comment.state === 'visible' ? (
        <p className="comment__body">{comment.body}</p>
      ) : (
        <p className="comment__body comment__placeholder">
          {comment.state === 'deleted'
            ? t('comments.deleted')
            : t('comments.hidden', { reason: t(`flagReason.${comment.hidden?.reason ?? 'pending_review'}`) })}
        </p>
      )}
      {session && comment.state === 'visible' && (
        <div className="comment__actions">
          {isTopLevel && (
            <Button variant="link" aria-expanded={replying} onClick={() => setReplying((v) => !v)}>
              {t('comments.reply')}
            </Button>
          )}
          {mine && editable && !editing && (
            <Button data-action="edit" variant="link" onClick={() => setEditing(true)}>
              {t('comments.edit')}
            </Button>
          )}
          {mine && !confirming && (
            <Button data-action="delete" variant="link" onClick={() => setConfirming(true)}>
              {t('comments.delete')}
            </Button>
          )}
          {!comment.mine && (
            <FlagForm
              session={session}
              targetType="comment"
              targetId={String(comment.id)}
              label={t('comments.flag')}
            />
          )}
        </div>
      )}
      {confirming && session && (
        <ConfirmDelete
          busy={busy}
          onConfirm={remove}
          onCancel={() => {
            setConfirming(false);
            setReturnFocus('delete');
          }}
        />
      )}
      {error && <p role="alert" className="proposal-alert">{error}</p>}
      {replying && session && (
        <CommentForm
          base={base}
          session={session}
          parentId={comment.id}
          onCancel={() => setReplying(false)}
          onPosted={() => {
            setReplying(false);
            onPosted();
          }}
        />
      )}
      {comment.replies.length > 0 && (
        <ol className="comment-replies">
          {comment.replies.map((reply) => (
            <li key={reply.id}>
              <Comment comment={reply} session={session} base={base} onPosted={onPosted} onChanged={onChanged} />
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

/** Citizens appear as "participant N" of the thread; staff with their role and department. */
function authorLabel(comment: CommentView, t: ReturnType<typeof useT>['t']): string {
  const author = comment.author;
  if (!author) return t('comments.participant', { n: '?' });
  if (author.kind === 'staff')
    return `${t('comments.staff')} · ${author.department ?? t(`comments.role.${author.role}`)}`;
  const name = t('comments.participant', { n: author.participant });
  return author.isProposalAuthor ? `${name} (${t('comments.proposalAuthor')})` : name;
}

/** True until the edit window closes; the buttons go away then, as the API would refuse anyway. */
function useEditable(until: string | null): boolean {
  const [open, setOpen] = useState(() => until !== null && Date.parse(until) > Date.now());
  useEffect(() => {
    if (!until) return setOpen(false);
    const left = Date.parse(until) - Date.now();
    setOpen(left > 0);
    if (left <= 0) return;
    // Timers longer than ~24 days overflow; edit windows are minutes.
    const timer = setTimeout(() => setOpen(false), Math.min(left, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [until]);
  return open;
}

/** Deleting asks once more, in place: the question takes focus, "Cancel" gives it back. */
function ConfirmDelete({ busy, onConfirm, onCancel }: { busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { t } = useT();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="comment__confirm">
      <p ref={ref} tabIndex={-1}>
        {t('comments.deleteConfirm')}
      </p>
      <div className="comment__actions">
        <Button variant="primary" busy={busy} onClick={onConfirm}>
          {t('comments.deleteYes')}
        </Button>
        <Button onClick={onCancel}>{t('comments.cancel')}</Button>
      </div>
    </div>
  );
}

function EditForm({
  comment,
  session,
  onSaved,
  onCancel,
}: {
  comment: CommentView;
  session: SessionView;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useT();
  const threadApi = useMapUiApi().thread;
  const [body, setBody] = useState(comment.body ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldId = `edit-${comment.id}`;
  useEffect(() => document.getElementById(fieldId)?.focus(), [fieldId]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (text.length < COMMENT_LIMITS.bodyMin || text.length > COMMENT_LIMITS.bodyMax) {
      setError(t('comments.bodyHint', { min: COMMENT_LIMITS.bodyMin, max: COMMENT_LIMITS.bodyMax }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await threadApi.edit(comment.id, session, text);
      onSaved();
    } catch (failure) {
      setError(t(actionErrorKey(failure, 'comments.editFailed')));
      setBusy(false);
    }
  };

  return (
    <form className="proposal-form" onSubmit={onSubmit} noValidate aria-label={t('comments.edit')}>
      <TextAreaField
        id={fieldId}
        label={t('comments.editLabel')}
        hint={t('comments.editHint')}
        error={error ?? undefined}
        value={body}
        maxLength={COMMENT_LIMITS.bodyMax}
        rows={3}
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="comment__actions">
        <Button type="submit" variant="primary" busy={busy}>
          {t('comments.save')}
        </Button>
        <Button onClick={onCancel}>{t('comments.cancel')}</Button>
      </div>
    </form>
  );
}

function CommentForm({
  base,
  session,
  parentId,
  onPosted,
  onCancel,
}: {
  base: string;
  session: SessionView;
  parentId?: number;
  onPosted(): void;
  onCancel?(): void;
}) {
  const { t } = useT();
  const threadApi = useMapUiApi().thread;
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldId = parentId ? `reply-${parentId}` : 'new-comment';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (text.length < COMMENT_LIMITS.bodyMin || text.length > COMMENT_LIMITS.bodyMax) {
      setError(t('comments.bodyHint', { min: COMMENT_LIMITS.bodyMin, max: COMMENT_LIMITS.bodyMax }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await threadApi.comment(base, session, { body: text, ...(parentId ? { parentId } : {}) });
      setBody('');
      onPosted();
    } catch (failure) {
      setError(t(actionErrorKey(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="proposal-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t(parentId ? 'comments.reply' : 'comments.new')}
    >
      {!parentId && <h3>{t('comments.new')}</h3>}
      <TextAreaField
        id={fieldId}
        label={t(parentId ? 'comments.replyLabel' : 'comments.body')}
        hint={t('comments.bodyHint', { min: COMMENT_LIMITS.bodyMin, max: COMMENT_LIMITS.bodyMax })}
        error={error ?? undefined}
        value={body}
        maxLength={COMMENT_LIMITS.bodyMax}
        rows={parentId ? 2 : 4}
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="comment__actions">
        <Button type="submit" variant="primary" busy={busy}>
          {t(parentId ? 'comments.sendReply' : 'comments.send')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('comments.cancel')}</Button>}
      </div>
    </form>
  );
}
