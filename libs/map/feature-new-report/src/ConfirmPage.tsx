import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, StatusMessage } from '@plaza/web/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { appHref, useFocusOnArrival } from '@plaza/map/util';
import { confirmReport, type ConfirmOutcome } from '@plaza/map/data-access';

/**
 * /confirm/:token, where the link mailed to an anonymous reporter lands: confirms the report
 * (public now, or into moderation) and says which. Nothing to click: opening the link is the act.
 */
export function ConfirmPage({ token }: { token: string }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(heading);
  const [outcome, setOutcome] = useState<ConfirmOutcome | null>(null);
  const [retries, setRetries] = useState(0);
  // One request per landing and per retry (StrictMode runs effects twice; confirming is idempotent anyway).
  const sent = useRef(-1);

  useEffect(() => {
    if (sent.current === retries) return;
    sent.current = retries;
    let live = true;
    setOutcome(null);
    void confirmReport(token).then((result) => {
      if (live) setOutcome(result);
    });
    return () => {
      live = false;
    };
  }, [token, retries]);

  const title =
    outcome === null
      ? t('confirm.title')
      : outcome.kind === 'confirmed'
        ? t('confirm.done.title')
        : t('confirm.failed.title');
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  const retry = useCallback(() => setRetries((n) => n + 1), []);

  return (
    <main id="main" tabIndex={-1} className="page-content sent">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <StatusMessage>
        {outcome === null ? t('confirm.working') : outcome.kind === 'confirmed' ? confirmedText(outcome, t) : null}
      </StatusMessage>
      <AlertMessage>
        {outcome?.kind === 'expired'
          ? t('confirm.failed.expired')
          : outcome?.kind === 'unknown'
            ? t('confirm.failed.unknown')
            : outcome?.kind === 'network'
              ? t('confirm.failed.network')
              : null}
      </AlertMessage>
      {outcome?.kind === 'confirmed' && (
        <p className="sent__ref">
          {t('sent.refLabel')} <strong>{outcome.result.ref}</strong>
        </p>
      )}
      {outcome?.kind === 'confirmed' && outcome.result.public && (
        <p>
          <Link
            href={appHref(`/reports/${encodeURIComponent(outcome.result.ref)}`)}
            className="cta-link cta-link--inline"
          >
            {t('confirm.view')}
          </Link>
        </p>
      )}
      {outcome?.kind === 'network' && (
        <p>
          <Button type="button" onClick={retry}>
            {t('confirm.retry')}
          </Button>
        </p>
      )}
      {(outcome?.kind === 'expired' || outcome?.kind === 'unknown') && (
        <p>
          <Link href={appHref('/new')}>{t('confirm.newReport')}</Link>
        </p>
      )}
      {outcome !== null && (
        <ul className="sent__next">
          <li>
            <Link href={appHref('/')}>{t('nav.backToMap')}</Link>
          </li>
        </ul>
      )}
    </main>
  );
}

function confirmedText(
  outcome: Extract<ConfirmOutcome, { kind: 'confirmed' }>,
  t: ReturnType<typeof useT>['t'],
): string {
  const what = outcome.result.public ? t('confirm.done.published') : t('confirm.done.moderation');
  return outcome.result.alreadyConfirmed ? `${t('confirm.done.already')} ${what}` : what;
}
