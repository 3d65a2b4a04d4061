import { useEffect, useState } from 'react';
import { INBOX_CHANGED, notificationsApi } from './notifications-api';
import { useSession } from '@plaza/web/session';

/**
 * How many of the signed-in person's notifications are unread, for the account menu and page;
 * null while unknown or for visitors. Asked again whenever the notifications page marks one read.
 */
export function useUnreadCount(): number | null {
  const { state } = useSession();
  const userId = state.status === 'signedIn' ? state.session.user.id : null;
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!userId) {
      setCount(null);
      return;
    }
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      notificationsApi.list(controller.signal).then(
        (items) => setCount(items.filter((n) => n.readAt === null).length),
        // A count that cannot be read is simply not shown; the page itself says what went wrong.
        () => undefined,
      );
    };
    load();
    window.addEventListener(INBOX_CHANGED, load);
    return () => {
      controller.abort();
      window.removeEventListener(INBOX_CHANGED, load);
    };
  }, [userId]);
  return count;
}
