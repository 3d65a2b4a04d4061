import type { ModerationDecisionView, NotificationView } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { StatusMessage } from '@plaza/web/ui';
import { useCallback, useEffect, useState } from 'react';
import { Link, Redirect } from 'wouter';
import { isAbort } from '@plaza/web/api-client';
import { appHref } from '../shell/app-href';
import { AccountPage } from './AccountPage';
import { notificationsApi } from './notifications-api';
import { NotificationItem } from './NotificationItem';
import { useSession } from '@plaza/web/session';

type State = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; items: NotificationView[] };

/**
 * /account/notifications: what the city told the signed-in person (why their content was hidden, the
 * outcome of a review, news about what they follow), newest first. The mail about hidden content links here,
 * and this is where the author asks, once, for a review.
 */
export function NotificationsPage() {
  const { t } = useT();
  const { state: session } = useSession();
  const csrfToken = session.status === 'signedIn' ? session.session.csrfToken : null;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [announcement, setAnnouncement] = useState<string | null>(null);

  useEffect(() => {
    if (!csrfToken) return;
    const controller = new AbortController();
    notificationsApi.list(controller.signal).then(
      (items) => setState({ status: 'ready', items }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'failed' });
      },
    );
    return () => controller.abort();
  }, [csrfToken]);

  const markRead = useCallback(
    async (id: string, announce: boolean) => {
      if (!csrfToken) return;
      const readAt = new Date().toISOString();
      setState((s) =>
        s.status === 'ready' ? { ...s, items: s.items.map((n) => (n.id === id && !n.readAt ? { ...n, readAt } : n)) } : s,
      );
      try {
        await notificationsApi.markRead(csrfToken, id);
        if (announce) setAnnouncement(t('inbox.markedRead'));
      } catch {
        // Still unread on the server: show it so again, the next visit will offer it once more.
        setState((s) =>
          s.status === 'ready' ? { ...s, items: s.items.map((n) => (n.id === id ? { ...n, readAt: null } : n)) } : s,
        );
      }
    },
    [csrfToken, t],
  );

  // A review asked from one notification shows on every notification about the same decision.
  const decisionChanged = useCallback((decision: ModerationDecisionView) => {
    setState((s) =>
      s.status === 'ready'
        ? {
            ...s,
            items: s.items.map((n) =>
              n.moderation?.decision.id === decision.id ? { ...n, moderation: { ...n.moderation, decision } } : n,
            ),
          }
        : s,
    );
  }, []);

  if (session.status === 'anonymous') {
    return <Redirect to={appHref('/signin?next=%2Faccount%2Fnotifications')} replace />;
  }

  // The review form goes on the newest notification about a decision only (a provisional hide that a
  // moderator then confirms tells the author twice about one decision).
  const offered = new Set<string>();
  return (
    <AccountPage title={t('inbox.title')}>
      <p>{t('inbox.intro')}</p>
      <p>
        <Link href={appHref('/account')}>{t('account.settings.link')}</Link>
      </p>
      {(session.status === 'loading' || state.status === 'loading') && <p role="status">{t('inbox.loading')}</p>}
      {state.status === 'failed' && <p role="alert">{t('inbox.loadError')}</p>}
      {state.status === 'ready' && state.items.length === 0 && <p>{t('inbox.empty')}</p>}
      {state.status === 'ready' && state.items.length > 0 && (
        <ol className="inbox" aria-label={t('inbox.listLabel')}>
          {state.items.map((notification) => {
            const decisionId = notification.moderation?.decision.id;
            const canReview = notification.kind === 'content_hidden' && !!decisionId && !offered.has(decisionId);
            if (decisionId) offered.add(decisionId);
            return (
              <NotificationItem
                key={notification.id}
                notification={notification}
                csrfToken={csrfToken ?? ''}
                offerReview={canReview}
                onRead={markRead}
                onDecisionChanged={decisionChanged}
              />
            );
          })}
        </ol>
      )}
      <StatusMessage>{announcement}</StatusMessage>
    </AccountPage>
  );
}

