import {
  COMMENT_LIMITS,
  type CommentThread,
  type CommentView,
  type SessionView,
} from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, TextAreaField } from '@plaza/web/ui';
import { useState, type FormEvent } from 'react';
import { proposalApi, useLoad } from './api';
import { actionErrorKey } from './action-error';
import { FlagForm } from './FlagForm';
import { SignInLink } from './SignInLink';

interface CommentsProps {
  proposalId: number;
  /** `undefined` while asking /auth/me, `null` for anonymous visitors. */
  session: SessionView | null | undefined;
}

/** The proposal's discussion: top-level comments with one level of replies; authors are never named. */
export function Comments({ proposalId, session }: CommentsProps) {
  const { t } = useT();
  const [thread, reload] = useLoad<CommentThread>(`comments-${proposalId}`, (signal) =>
    proposalApi.comments(String(proposalId), signal),
  );
  const [sent, setSent] = useState(0);

  const afterPost = () => {
    setSent((n) => n + 1);
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
              <Comment comment={comment} session={session} proposalId={proposalId} onPosted={afterPost} />
            </li>
          ))}
        </ol>
      )}
      <p role="status" className="visually-hidden">
        {sent > 0 ? t('comments.sent') : ''}
      </p>
      {session ? (
        <CommentForm key={sent} proposalId={proposalId} session={session} onPosted={afterPost} />
      ) : session === null ? (
        <SignInLink />
      ) : null}
    </section>
  );
}

function Comment({
  comment,
  session,
  proposalId,
  onPosted,
}: {
  comment: CommentView;
  session: SessionView | null | undefined;
  proposalId: number;
  onPosted(): void;
}) {
  const { t, formatDate } = useT();
  const [replying, setReplying] = useState(false);
  const isTopLevel = comment.parentId === null;
  return (
    <article className="comment" aria-label={authorLabel(comment, t)}>
      <p className="comment__meta">
        <strong>{authorLabel(comment, t)}</strong> ·{' '}
        <time dateTime={comment.createdAt}>
          {formatDate(comment.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
        {comment.editedAt && ` ${t('comments.edited')}`}
      </p>
      {comment.state === 'visible' ? (
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
      {replying && session && (
        <CommentForm
          proposalId={proposalId}
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
              <Comment comment={reply} session={session} proposalId={proposalId} onPosted={onPosted} />
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

function CommentForm({
  proposalId,
  session,
  parentId,
  onPosted,
  onCancel,
}: {
  proposalId: number;
  session: SessionView;
  parentId?: number;
  onPosted(): void;
  onCancel?(): void;
}) {
  const { t } = useT();
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
      await proposalApi.comment(proposalId, session, { body: text, ...(parentId ? { parentId } : {}) });
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
