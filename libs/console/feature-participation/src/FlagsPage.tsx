import { FLAG_REASONS, type FlagReason, type FlaggedTarget, type ModerationDecisionView } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, CheckboxField, SelectField, StatusMessage, TextAreaField } from '@plaza/web/ui';
import { useState } from 'react';
import { FLAGS_CHANGED, participationApi, publicPathOf, useLoad } from '@plaza/console/data-access';
import { LoadStatus, Page } from '@plaza/console/ui';
import { kindsText, requestErrorMessage } from '@plaza/console/util';
import './participation.css';

type Open = { key: string; form: 'hide' | 'block' } | null;

const targetKey = (item: Pick<FlaggedTarget, 'targetType' | 'targetId'>) => `${item.targetType}-${item.targetId}`;

/**
 * The community manager's queue of flagged content (issue 6): what was flagged and why, with
 * hide, dismiss and "block the author"; below, the authors' requests to review a hiding.
 */
export function FlagsPage() {
  const { t } = useT();
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const [flags, reloadFlags] = useLoad(() => participationApi.flags(scope), [scope]);
  const [reviews, reloadReviews] = useLoad(() => participationApi.reviewRequests());
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (key: string, action: () => Promise<unknown>, message: string) => {
    setBusy(key);
    setFailure(null);
    setDone(null);
    try {
      await action();
      setOpen(null);
      setDone(message);
      window.dispatchEvent(new Event(FLAGS_CHANGED));
      reloadFlags();
      reloadReviews();
    } catch (error) {
      setFailure(requestErrorMessage(t, error));
    } finally {
      setBusy(null);
    }
  };

  const items = flags.data ?? [];
  return (
    <Page title={t('participation.flags.title')}>
      <p className="lead">{t('participation.flags.summary')}</p>
      <StatusMessage>{done}</StatusMessage>
      <AlertMessage>{failure}</AlertMessage>

      <section aria-labelledby="flag-queue-heading">
        <h2 id="flag-queue-heading">{t('participation.flags.queue')}</h2>
        <SelectField
          id="flag-scope"
          label={t('participation.flags.scope')}
          value={scope}
          onChange={(event) => setScope(event.target.value === 'all' ? 'all' : 'open')}
          options={[
            { value: 'open', label: t('participation.flags.scope.open') },
            { value: 'all', label: t('participation.flags.scope.all') },
          ]}
        />
        <LoadStatus state={flags} onRetry={reloadFlags} />
        <p>{t('participation.flags.count', { count: items.length })}</p>
        <ul className="flag-list">
          {items.map((item) => {
            const key = targetKey(item);
            const actionable = item.state === 'visible' || item.state === 'hidden_provisionally';
            return (
              <li key={key}>
                <FlagCard
                  item={item}
                  open={open?.key === key ? open.form : null}
                  busy={busy === key}
                  onOpen={(form) => setOpen(form ? { key, form } : null)}
                  actionable={actionable}
                  onHide={(reason, note) =>
                    void run(key, () => participationApi.hide(item.targetType, item.targetId, { reason, ...(note ? { note } : {}) }), t('participation.flags.hidden'))
                  }
                  onDismiss={() => void run(key, () => participationApi.dismiss(item.targetType, item.targetId), t('participation.flags.dismissed'))}
                  onBlock={(justification, hideContent) => {
                    const authorId = item.authorId;
                    if (authorId) void run(key, () => participationApi.block(authorId, { justification, hideContent }), t('participation.block.done'));
                  }}
                />
              </li>
            );
          })}
        </ul>
      </section>

      <BlockedUsers onChanged={(message) => setDone(message)} onFailed={(message) => setFailure(message)} />

      <section aria-labelledby="review-heading">
        <h2 id="review-heading">{t('participation.reviews.title')}</h2>
        <LoadStatus state={reviews} onRetry={reloadReviews} />
        {reviews.data && reviews.data.length === 0 && <p>{t('participation.reviews.empty')}</p>}
        <ul className="flag-list">
          {(reviews.data ?? []).map((decision) => (
            <li key={decision.id}>
              <ReviewCard
                decision={decision}
                busy={busy === decision.id}
                onReview={(outcome, note) =>
                  void run(decision.id, () => participationApi.review(decision.id, { outcome, note }), t(`participation.reviews.done.${outcome}`))
                }
              />
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

function FlagCard({
  item,
  open,
  busy,
  actionable,
  onOpen,
  onHide,
  onDismiss,
  onBlock,
}: {
  item: FlaggedTarget;
  open: 'hide' | 'block' | null;
  busy: boolean;
  actionable: boolean;
  onOpen(form: 'hide' | 'block' | null): void;
  onHide(reason: FlagReason, note: string): void;
  onDismiss(): void;
  onBlock(justification: string, hideContent: boolean): void;
}) {
  const { t, locale } = useT();
  const key = targetKey(item);
  const publicPath = publicPathOf(item.targetType, item.targetId);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const headingId = `flag-${key}-heading`;
  return (
    <article className="flag-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`participation.target.${item.targetType}`)} {item.targetId}
      </h3>
      {item.held && <p className="warning held-reason">{t('cases.held.comment', { kinds: kindsText(t, item.held.kinds) })}</p>}
      <blockquote className="flag-card__excerpt">{item.excerpt}</blockquote>
      <dl className="flag-card__facts">
        <dt>{t('participation.flags.state')}</dt>
        <dd>{t(`participation.flags.state.${item.state}`)}</dd>
        <dt>{t('participation.flags.reasons')}</dt>
        <dd>
          <ul>
            {FLAG_REASONS.filter((reason) => item.reasons[reason]).map((reason) => (
              <li key={reason}>
                {t(`participation.reason.${reason}`)}: {item.reasons[reason]}
              </li>
            ))}
          </ul>
        </dd>
        {item.details.length > 0 && (
          <>
            <dt>{t('participation.flags.details')}</dt>
            <dd>
              <ul>
                {item.details.map((detail, index) => (
                  <li key={index}>{detail}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('participation.flags.flagged')}</dt>
        <dd>
          {t('participation.flags.flaggedRange', {
            count: item.flags,
            first: date.format(new Date(item.firstFlaggedAt)),
            last: date.format(new Date(item.lastFlaggedAt)),
          })}
        </dd>
      </dl>
      {publicPath && (
        <p>
          <a href={publicPath}>{t('participation.flags.publicPage', { id: item.targetId })}</a>
        </p>
      )}
      {item.thread && (
        <p className="flag-card__thread">
          {t(item.thread.parentId === null ? 'participation.flags.threadComment' : 'participation.flags.threadReply', {
            parent: item.thread.parentId ?? '',
          })}{' '}
          <a href={`${publicPathOf(item.thread.targetType, item.thread.targetId) ?? ''}#comment-${item.targetId}`}>
            {t(`participation.target.${item.thread.targetType}`)} {item.thread.targetId}: {item.thread.title}
          </a>
        </p>
      )}
      <div className="console-form__actions">
        {actionable && (
          <>
            <Button aria-expanded={open === 'hide'} onClick={() => onOpen(open === 'hide' ? null : 'hide')}>
              {t('participation.flags.hide')}
            </Button>
            <Button busy={busy && open === null} onClick={onDismiss}>
              {t('participation.flags.dismiss')}
            </Button>
          </>
        )}
        {item.authorId && (
          <Button aria-expanded={open === 'block'} onClick={() => onOpen(open === 'block' ? null : 'block')}>
            {t('participation.block.open')}
          </Button>
        )}
      </div>
      {open === 'hide' && <HideForm id={`hide-${key}`} busy={busy} onSubmit={onHide} onCancel={() => onOpen(null)} />}
      {open === 'block' && <BlockForm id={`block-${key}`} busy={busy} onSubmit={onBlock} onCancel={() => onOpen(null)} />}
    </article>
  );
}

function HideForm({ id, busy, onSubmit, onCancel }: { id: string; busy: boolean; onSubmit(reason: FlagReason, note: string): void; onCancel(): void }) {
  const { t } = useT();
  const [reason, setReason] = useState<FlagReason | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      className="console-form"
      aria-label={t('participation.flags.hideForm')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason) {
          setError(t('console.fieldError.required'));
          document.getElementById(`${id}-reason`)?.focus();
          return;
        }
        onSubmit(reason, note.trim());
      }}
    >
      <SelectField
        id={`${id}-reason`}
        label={t('participation.flags.hideReason')}
        placeholder={t('participation.flags.chooseReason')}
        value={reason}
        error={error}
        autoFocus
        onChange={(event) => setReason(event.target.value as FlagReason | '')}
        options={FLAG_REASONS.map((value) => ({ value, label: t(`participation.reason.${value}`) }))}
      />
      <TextAreaField
        id={`${id}-note`}
        label={t('participation.flags.hideNote')}
        hint={t('participation.flags.hideNoteHint')}
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="console-form__actions">
        <Button type="submit" variant="danger" busy={busy}>
          {t('participation.flags.hideSubmit')}
        </Button>
        <Button onClick={onCancel}>{t('console.cancel')}</Button>
      </div>
    </form>
  );
}

/** The API wants at least 10 characters of justification; say so before sending. */
const JUSTIFICATION_MIN = 10;

function BlockForm({ id, busy, onSubmit, onCancel }: { id: string; busy: boolean; onSubmit(justification: string, hideContent: boolean): void; onCancel(): void }) {
  const { t } = useT();
  const [justification, setJustification] = useState('');
  const [hideContent, setHideContent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      className="console-form"
      aria-label={t('participation.block.form')}
      onSubmit={(event) => {
        event.preventDefault();
        if (justification.trim().length < JUSTIFICATION_MIN) {
          setError(t('participation.block.tooShort', { min: JUSTIFICATION_MIN }));
          document.getElementById(`${id}-justification`)?.focus();
          return;
        }
        onSubmit(justification.trim(), hideContent);
      }}
    >
      <TextAreaField
        id={`${id}-justification`}
        label={t('participation.block.justification')}
        hint={t('participation.block.justificationHint')}
        rows={3}
        autoFocus
        value={justification}
        error={error}
        onChange={(event) => setJustification(event.target.value)}
      />
      <CheckboxField
        id={`${id}-hide-content`}
        label={t('participation.block.hideContent')}
        checked={hideContent}
        onChange={(event) => setHideContent(event.target.checked)}
      />
      <div className="console-form__actions">
        <Button type="submit" variant="danger" busy={busy}>
          {t('participation.block.submit')}
        </Button>
        <Button onClick={onCancel}>{t('console.cancel')}</Button>
      </div>
    </form>
  );
}

function ReviewCard({
  decision,
  busy,
  onReview,
}: {
  decision: ModerationDecisionView;
  busy: boolean;
  onReview(outcome: 'upheld' | 'reversed', note: string): void;
}) {
  const { t, locale } = useT();
  const [outcome, setOutcome] = useState<'upheld' | 'reversed' | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const id = `review-${decision.id}`;
  return (
    <article className="flag-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        {t(`participation.target.${decision.targetType}`)} {decision.targetId}
      </h3>
      <dl className="flag-card__facts">
        <dt>{t('participation.reviews.reason')}</dt>
        <dd>{t(`participation.reason.${decision.reason}`)}</dd>
        <dt>{t('participation.reviews.decidedAt')}</dt>
        <dd>{date.format(new Date(decision.decidedAt))}</dd>
        {decision.review && (
          <>
            <dt>{t('participation.reviews.message')}</dt>
            <dd>{decision.review.message}</dd>
          </>
        )}
      </dl>
      <form
        noValidate
        className="console-form"
        aria-labelledby={`${id}-heading`}
        onSubmit={(event) => {
          event.preventDefault();
          if (!outcome || !note.trim()) {
            setError(t('participation.reviews.incomplete'));
            return;
          }
          setError(null);
          onReview(outcome, note.trim());
        }}
      >
        <fieldset className="ui-fieldset">
          <legend>{t('participation.reviews.outcome')}</legend>
          {(['upheld', 'reversed'] as const).map((value) => (
            <label key={value} className="ui-check">
              <input
                type="radio"
                className="ui-check__box"
                name={`${id}-outcome`}
                value={value}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
              />
              <span className="ui-check__label">{t(`participation.reviews.${value}`)}</span>
            </label>
          ))}
        </fieldset>
        <TextAreaField id={`${id}-note`} label={t('participation.reviews.note')} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
        <AlertMessage>{error}</AlertMessage>
        <div className="console-form__actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('participation.reviews.submit')}
          </Button>
        </div>
      </form>
    </article>
  );
}

/** Blocked citizens (by account id, never by email), with "unblock" after a confirmation. */
function BlockedUsers({ onChanged, onFailed }: { onChanged(message: string): void; onFailed(message: string): void }) {
  const { t, locale } = useT();
  const [blocks, reload] = useLoad(() => participationApi.blocks());
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });

  const unblock = async (userId: string) => {
    setBusy(true);
    try {
      await participationApi.unblock(userId);
      setConfirming(null);
      onChanged(t('participation.blocks.unblocked'));
      reload();
    } catch (error) {
      onFailed(requestErrorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="blocks-heading">
      <h2 id="blocks-heading">{t('participation.blocks.title')}</h2>
      <LoadStatus state={blocks} onRetry={reload} />
      {blocks.data && blocks.data.length === 0 && <p>{t('participation.blocks.empty')}</p>}
      <ul className="flag-list">
        {(blocks.data ?? []).map((block) => (
          <li key={block.userId}>
            <article className="flag-card" aria-labelledby={`block-${block.userId}`}>
              <h3 id={`block-${block.userId}`}>{t('participation.blocks.account', { id: block.userId })}</h3>
              <dl className="flag-card__facts">
                <dt>{t('participation.blocks.since')}</dt>
                <dd>{date.format(new Date(block.blockedAt))}</dd>
                <dt>{t('participation.blocks.justification')}</dt>
                <dd>{block.justification}</dd>
                <dt>{t('participation.blocks.visible')}</dt>
                <dd>{block.visibleItems}</dd>
              </dl>
              <div className="console-form__actions">
                {confirming === block.userId ? (
                  <>
                    <Button variant="primary" busy={busy} onClick={() => void unblock(block.userId)}>
                      {t('participation.blocks.confirm')}
                    </Button>
                    <Button onClick={() => setConfirming(null)}>{t('participation.blocks.cancel')}</Button>
                  </>
                ) : (
                  <Button onClick={() => setConfirming(block.userId)}>{t('participation.blocks.unblock')}</Button>
                )}
              </div>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
