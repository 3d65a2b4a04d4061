import type { SessionView } from '@plaza/shared/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { authApi, onSessionExpired, setCsrfToken } from '@plaza/console/data-access';
import { ApiError } from '@plaza/console/util';

/** Why there is no session: shown once on the sign-in page. */
export type SignedOutReason = 'signedOut' | 'signedOutEverywhere' | 'expired' | null;

export type SessionState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'anonymous'; reason: SignedOutReason }
  | { status: 'signedIn'; session: SessionView };

export interface SessionContextValue {
  state: SessionState;
  /** After login or an email link: the API's SessionView becomes the console's session. */
  enter(session: SessionView): void;
  signOut(everywhere: boolean): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The email-link page signs in while the first /auth/me may still be on its way: whatever
  // that late answer says (401, no cookie yet), the session just entered must win.
  const meRequest = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    meRequest.current = controller;
    authApi
      .me(controller.signal)
      .then((session) => {
        setCsrfToken(session.csrfToken);
        setState({ status: 'signedIn', session });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setCsrfToken(null);
        setState(error instanceof ApiError && error.status === 401 ? { status: 'anonymous', reason: null } : { status: 'unavailable' });
      });
    return () => controller.abort();
  }, [attempt]);

  useEffect(
    () =>
      onSessionExpired(() => {
        setCsrfToken(null);
        setState((current) => (current.status === 'signedIn' ? { status: 'anonymous', reason: 'expired' } : current));
      }),
    [],
  );

  const enter = useCallback((session: SessionView) => {
    meRequest.current?.abort();
    setCsrfToken(session.csrfToken);
    setState({ status: 'signedIn', session });
  }, []);

  const signOut = useCallback(async (everywhere: boolean) => {
    try {
      await (everywhere ? authApi.logoutEverywhere() : authApi.logout());
    } catch (error) {
      // Already signed out on the server is what we wanted anyway.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    meRequest.current?.abort();
    setCsrfToken(null);
    setState({ status: 'anonymous', reason: everywhere ? 'signedOutEverywhere' : 'signedOut' });
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, enter, signOut, retry }), [state, enter, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
