import { FLAG_REASONS, type ModerationDecisionView, type NotificationView } from '@plaza/shared/contracts';
import { useT, type TranslationKey } from '@plaza/web/i18n';
import { Button } from '@plaza/web/ui';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { appHref } from '@plaza/map/util';
import { ReviewRequestForm } from './ReviewRequestForm';

type Translate = (key: TranslationKey, params?: Record<string, string | number>) => string;

const REASONS: readonly string[] = [...FLAG_REASONS, 'pending_review', 'author_blocked'];
const WHAT = ['comment', 'proposal', 'report'] as const;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const whatOf = (value: unknown): (typeof WHAT)[number] =>
  WHAT.includes(value as (typeof WHAT)[number]) ? (value as (typeof WHAT)[number]) : 'comment';

/** The page a notification is about: the thread a comment was posted in, or the proposal or report itself. */
function linkOf(n: NotificationView, t: Translate): { href: string; label: string } | null {
  if (n.kind === 'report_update' && text(n.data['ref'])) {
    return { href: `/reports/${encodeURIComponent(text(n.data['ref']))}`, label: t('inbox.reportLink', { title: text(n.data['title']) }) };
  }
  if (n.kind === 'proposal_update' && n.data['id'] !== undefined) {
    return { href: `/proposals/${encodeURIComponent(String(n.data['id']))}`, label: t('inbox.proposalLink', { title: text(n.data['title']) }) };
  }
  const thread = n.moderation?.thread;
  if (!thread) return null;
  const base = `/${thread.type === 'proposal' ? 'proposals' : 'reports'}/${encodeURIComponent(thread.id)}`;
  if (n.moderation?.decision.targetType === 'comment') {
    return { href: `${base}#comment-${n.moderation.decision.targetId}`, label: t('inbox.threadLink', { title: thread.title }) };
  }
  return { href: base, label: t(thread.type === 'proposal' ? 'inbox.proposalLink' : 'inbox.reportLink', { title: thread.title }) };
}

function titleOf(n: NotificationView, t: Translate): string {
  const what = t(`inbox.what.${whatOf(n.data['targetType'])}`);
  switch (n.kind) {
    case 'content_hidden':
      return t(n.data['provisional'] === true ? 'inbox.hidden.titleProvisional' : 'inbox.hidden.title', { what });
    case 'review_outcome':
      return t('inbox.outcome.title', { what });
    case 'report_update':
      return t('inbox.reportUpdate.title', { ref: text(n.data['ref']) });
    default:
      return t('inbox.proposalUpdate.title', { title: text(n.data['title']) });
  }
}

/** Where the author stands with the decision now: reviewed, waiting, visible again, or free to ask. */
function ReviewState({ decision, offerReview, form }: { decision: ModerationDecisionView; offerReview: boolean; form: ReactNode }) {
  const { t, formatDate } = useT();
  const review = decision.review;
  if (review?.outcome) {
    return <p>{t('inbox.outcome.label', { outcome: t(review.outcome === 'reversed' ? 'inbox.outcome.reversedShort' : 'inbox.outcome.upheldShort') })}</p>;
  }
  if (review) return <p>{t('inbox.review.requestedOn', { date: formatDate(review.requestedAt, { dateStyle: 'long' }) })}</p>;
  if (decision.liftedAt) return <p>{t('inbox.visibleAgain')}</p>;
  return offerReview ? <>{form}</> : null;
}

export function NotificationItem({
  notification: n,
  csrfToken,
  offerReview,
  onRead,
  onDecisionChanged,
}: {
  notification: NotificationView;
  csrfToken: string;
  /** The review form: only on the newest notification about a decision. */
  offerReview: boolean;
  onRead: (id: string, announce: boolean) => void;
  onDecisionChanged: (decision: ModerationDecisionView) => void;
}) {
  const { t, formatDate } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const requestedNote = useRef<HTMLParagraphElement>(null);
  const [justRequested, setJustRequested] = useState(false);
  const unread = n.readAt === null;
  const headingId = `notification-${n.id}`;
  const link = linkOf(n, t);
  const decision = n.moderation?.decision ?? null;

  // The form that had focus is gone once the review is asked: focus goes to what replaced it.
  useEffect(() => {
    if (justRequested) requestedNote.current?.focus();
  }, [justRequested]);

  let body: ReactNode;
  if (n.kind === 'content_hidden') {
    const reason = text(n.data['reason']);
    body = (
      <>
        <p>{t('inbox.reason', { reason: t(`flagReason.${(REASONS.includes(reason) ? reason : 'other') as 'other'}`) })}</p>
        <p>{t(n.data['provisional'] === true ? 'inbox.hidden.provisional' : 'inbox.hidden.final')}</p>
        {decision?.note && <p>{t('inbox.note', { note: decision.note })}</p>}
      </>
    );
  } else if (n.kind === 'review_outcome') {
    const outcome = n.data['outcome'] === 'reversed' ? 'reversed' : 'upheld';
    body = (
      <>
        <p>{t(outcome === 'reversed' ? 'inbox.outcome.reversed' : 'inbox.outcome.upheld')}</p>
        {text(n.data['note']) && <p>{t('inbox.outcome.note', { note: text(n.data['note']) })}</p>}
      </>
    );
  } else {
    const status = text(n.data['status']);
    const key = (n.kind === 'report_update' ? `status.${status}` : `proposalStatus.${status}`) as TranslationKey;
    body = (
      <>
        {n.kind === 'report_update' && <p>{text(n.data['title'])}</p>}
        {status && <p>{t('inbox.status', { status: t(key) })}</p>}
      </>
    );
  }

  return (
    <li className={`inbox-item${unread ? ' inbox-item--unread' : ''}`}>
      <article aria-labelledby={headingId}>
        <h2 id={headingId} ref={heading} tabIndex={-1} className="inbox-item__title">
          {/* Words, not just a colour: the heading itself says it is unread. */}
          {unread && (
            <span className="inbox-item__badge">
              {t('inbox.unreadBadge')}
              <span className="visually-hidden">: </span>
            </span>
          )}
          {titleOf(n, t)}
        </h2>
        <p className="inbox-item__date">
          <time dateTime={n.createdAt}>{t('inbox.received', { date: formatDate(n.createdAt, { dateStyle: 'long', timeStyle: 'short' }) })}</time>
        </p>
        {body}
        {n.moderation?.excerpt && (
          <figure className="inbox-item__excerpt">
            <figcaption>{t('inbox.excerpt')}</figcaption>
            <blockquote>{n.moderation.excerpt}</blockquote>
          </figure>
        )}
        {link && (
          <p>
            <Link href={appHref(link.href)} onClick={() => unread && onRead(n.id, false)}>
              {link.label}
            </Link>
          </p>
        )}
        {justRequested && (
          <p ref={requestedNote} tabIndex={-1} role="status" className="inbox-item__done">
            {t('inbox.review.requested')}
          </p>
        )}
        {n.kind === 'content_hidden' && decision && !justRequested && (
          <ReviewState
            decision={decision}
            offerReview={offerReview}
            form={
              <ReviewRequestForm
                decisionId={decision.id}
                csrfToken={csrfToken}
                onRequested={(updated) => {
                  setJustRequested(true);
                  onDecisionChanged(updated);
                  if (unread) onRead(n.id, false);
                }}
              />
            }
          />
        )}
        {unread && (
          <Button
            variant="link"
            aria-describedby={headingId}
            onClick={() => {
              onRead(n.id, true);
              // The button goes away with the "unread" state: keep the person's place on this notification.
              heading.current?.focus();
            }}
          >
            {t('inbox.markRead')}
          </Button>
        )}
      </article>
    </li>
  );
}
