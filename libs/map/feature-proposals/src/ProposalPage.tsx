import {
  acceptsSupports,
  type HiddenProposalView,
  type ProposalDetail,
  type SessionView,
} from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button } from '@plaza/web/ui';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { proposalApi, useMapSettings } from '@plaza/map/data-access';
import { actionErrorKey, appHref, useFocusOnArrival, useLoad } from '@plaza/map/util';
import { useSessionView } from '@plaza/web/session';
import { Comments, FlagForm, FollowButton, ProposalStatusBadge, SignInLink } from '@plaza/map/ui';
import { ProposalMiniMap } from './ProposalMiniMap';
import './proposals.css';

function isHidden(view: ProposalDetail | HiddenProposalView): view is HiddenProposalView {
  return 'hidden' in view;
}

/** A proposal's public page: what, where, its history and answers, supports and the discussion. */
export function ProposalPage({ id }: { id: string }) {
  const { t, formatDate } = useT();
  const [result, reload] = useLoad(`proposal-${id}`, (signal) => proposalApi.get(id, signal));
  const { session } = useSessionView();
  const settings = useMapSettings();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(headingRef, result.state !== 'loading');

  const view = result.state === 'ready' ? result.data : null;
  const title = !view
    ? t(
        result.state === 'not-found'
          ? 'proposal.notFound'
          : result.state === 'error'
            ? 'proposal.loadError'
            : 'proposals.title',
      )
    : isHidden(view)
      ? t('proposal.hiddenTitle')
      : view.title;
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  const back = (
    <p className="back-link">
      <Link href={appHref('/proposals')}>{t('proposal.back')}</Link>
    </p>
  );

  if (result.state === 'loading') {
    return (
      <main id="main" tabIndex={-1} className="page-content">
        {back}
        <p role="status">{t('page.loading')}</p>
      </main>
    );
  }
  if (!view || isHidden(view)) {
    return (
      <main id="main" tabIndex={-1} className="page-content">
        {back}
        <h1 ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        {view && isHidden(view) ? (
          <p>
            {t('proposal.hiddenBody', {
              reason: t(`flagReason.${view.hidden.reason}` as 'flagReason.other'),
            })}{' '}
            {view.hidden.provisional && t('proposal.hiddenProvisional')}
          </p>
        ) : result.state === 'not-found' ? (
          <p>{t('proposal.notFoundBody', { id })}</p>
        ) : (
          <Button onClick={reload}>{t('page.retry')}</Button>
        )}
      </main>
    );
  }

  const p = view;
  return (
    <main id="main" tabIndex={-1} className="page-content proposal-page">
      {back}
      <article aria-labelledby="proposal-title">
        <header>
          <ProposalStatusBadge status={p.status} />
          <h1 id="proposal-title" ref={headingRef} tabIndex={-1}>
            {p.title}
          </h1>
          <p className="proposal-card__summary">{p.summary}</p>
        </header>

        <dl className="facts">
          <dt>{t('proposals.theme')}</dt>
          <dd>{p.theme.name}</dd>
          <dt>{t('proposals.area')}</dt>
          <dd>{p.area?.name ?? t('proposals.noArea')}</dd>
          {p.department && (
            <>
              <dt>{t('proposal.department')}</dt>
              <dd>{p.department.name}</dd>
            </>
          )}
          <dt>{t('proposal.createdAt')}</dt>
          <dd>
            <time dateTime={p.createdAt}>{formatDate(p.createdAt, { dateStyle: 'long' })}</time>
          </dd>
          {p.authorName && (
            <>
              <dt>{t('proposal.author')}</dt>
              <dd>{p.authorName}</dd>
            </>
          )}
        </dl>

        <SupportBox proposal={p} session={session} onChanged={reload} />

        {session && (
          <FollowButton
            base={`/api/v1/proposals/${p.id}`}
            session={session}
            initial={{ followers: p.followers, following: p.viewer?.following ?? false }}
          />
        )}
        {session && p.viewer?.isAuthor && canWithdraw(p.status) && (
          <WithdrawBox proposal={p} session={session} onWithdrawn={reload} />
        )}

        <h2>{t('proposal.description')}</h2>
        <p className="proposal-page__description">{p.description}</p>

        {p.images.length > 0 && (
          <section aria-labelledby="images-heading">
            <h2 id="images-heading">{t('proposal.images')}</h2>
            <ul className="photo-grid">
              {p.images.map((image, index) => (
                <li key={image.url}>
                  <a href={image.url} target="_blank" rel="noopener">
                    <img
                      src={image.thumbnailUrl}
                      alt={t('proposal.imageAlt', {
                        index: index + 1,
                        total: p.images.length,
                        title: p.title,
                      })}
                      loading="lazy"
                      width={200}
                      height={150}
                    />
                    <span className="visually-hidden"> {t('proposal.opensNewTab')}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}

        {p.location && (
          <section aria-labelledby="location-heading">
            <h2 id="location-heading">{t('proposal.location')}</h2>
            <ProposalMiniMap lat={p.location[1]} lon={p.location[0]} tiles={settings.data?.tiles ?? null} />
          </section>
        )}

        {p.answers.length > 0 && (
          <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">{t('proposal.answers')}</h2>
            {p.answers.map((answer) => (
              <div key={answer.at} className="proposal-answer">
                <p className="proposal-answer__by">
                  <strong>
                    {answer.department
                      ? t('proposal.answerBy', { department: answer.department.name })
                      : t('proposal.answerByCity')}
                  </strong>
                  {' · '}
                  <ProposalStatusBadge status={answer.outcome} />{' '}
                  <time dateTime={answer.at}>{formatDate(answer.at, { dateStyle: 'long' })}</time>
                </p>
                <p>{answer.text}</p>
              </div>
            ))}
          </section>
        )}

        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{t('proposal.timeline')}</h2>
          <ol className="proposal-timeline">
            {p.timeline.map((entry, index) => (
              <li key={`${entry.at}-${index}`}>
                <p className="comment__meta">
                  <time dateTime={entry.at}>
                    {formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}
                  </time>{' '}
                  · {t(`proposal.timeline.by.${entry.by}`)}
                </p>
                <p>
                  <strong>{t(`proposalStatus.${entry.to}`)}</strong>
                  {entry.message && ` — ${entry.message}`}
                </p>
              </li>
            ))}
          </ol>
        </section>

        {p.linkedReports.length > 0 && (
          <section aria-labelledby="linked-heading">
            <h2 id="linked-heading">{t('proposal.linkedReports')}</h2>
            <ul className="proposal-linked">
              {p.linkedReports.map((report) => (
                <li key={report.ref}>
                  <Link href={appHref(`/reports/${encodeURIComponent(report.ref)}`)}>
                    {report.ref} · {report.title}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}

        {session && !p.viewer?.isAuthor && (
          <FlagForm
            session={session}
            targetType="proposal"
            targetId={String(p.id)}
            label={t('proposal.flag')}
          />
        )}
      </article>

      <Comments base={`/api/v1/proposals/${p.id}`} session={session} />
    </main>
  );
}

/** The author may withdraw before a decision (the state machine in proposal-status.ts says the same). */
function canWithdraw(status: ProposalDetail['status']): boolean {
  return status === 'published' || status === 'under_evaluation';
}

/** The author withdraws their proposal, after confirming; the timeline then shows it. */
function WithdrawBox({
  proposal,
  session,
  onWithdrawn,
}: {
  proposal: ProposalDetail;
  session: SessionView;
  onWithdrawn(): void;
}) {
  const { t } = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming]);

  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await proposalApi.withdraw(proposal.id, session);
      onWithdrawn();
    } catch (failure) {
      setError(t(actionErrorKey(failure)));
      setBusy(false);
    }
  };

  return (
    <section className="proposal-withdraw" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">{t('proposal.withdrawTitle')}</h2>
      {confirming ? (
        <>
          <p ref={questionRef} tabIndex={-1}>
            {t('proposal.withdrawConfirm')}
          </p>
          <div className="comment__actions">
            <Button variant="primary" busy={busy} onClick={withdraw}>
              {t('proposal.withdrawYes')}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t('comments.cancel')}</Button>
          </div>
        </>
      ) : (
        <Button onClick={() => setConfirming(true)}>{t('proposal.withdraw')}</Button>
      )}
      <div role="alert">{error ?? ''}</div>
    </section>
  );
}

/** The support count, the threshold and the button; refusals from the API are said in words. */
function SupportBox({
  proposal,
  session,
  onChanged,
}: {
  proposal: ProposalDetail;
  session: SessionView | null | undefined;
  onChanged(): void;
}) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const supported = proposal.viewer?.supported ?? false;
  const open = acceptsSupports(proposal.status);

  const toggle = async () => {
    if (!session || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const state = await proposalApi.support(proposal.id, session, !supported);
      setMessage({
        kind: 'status',
        text: state.supported ? t('proposal.supported') : t('proposals.supports', { count: state.supports }),
      });
      onChanged();
    } catch (error) {
      setMessage({ kind: 'alert', text: t(actionErrorKey(error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="proposal-support" aria-labelledby="support-heading">
      <h2 id="support-heading">{t('proposal.supportTitle')}</h2>
      <p className="proposal-support__count">
        <strong>{t('proposals.supports', { count: proposal.supports })}</strong>
        {proposal.status === 'published' && (
          <>
            {' · '}
            {t('proposal.threshold', { supports: proposal.supports, threshold: proposal.supportThreshold })}
          </>
        )}
      </p>
      {!open ? (
        <p>{t('proposal.supportClosed')}</p>
      ) : session === null ? (
        <SignInLink />
      ) : session && proposal.viewer?.isAuthor ? (
        <p>{t('proposal.ownProposal')}</p>
      ) : session ? (
        <>
          {/* aria-busy, not disabled: focus stays on the button, so withdrawing is one more press. */}
          <Button variant={supported ? 'secondary' : 'primary'} aria-busy={busy || undefined} onClick={toggle}>
            {t(supported ? 'proposal.withdrawSupport' : 'proposal.support')}
          </Button>
        </>
      ) : null}
      {/* One place says "you support this": the live region, so it is shown and announced once. */}
      <div role="status">{message?.kind === 'status' ? message.text : supported && open ? t('proposal.supported') : ''}</div>
      <div role="alert">{message?.kind === 'alert' ? message.text : ''}</div>
    </section>
  );
}
