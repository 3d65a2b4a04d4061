import type { SessionView } from '@plaza/shared/contracts';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { ApiError } from '@plaza/web/api-client';
import { authApi, rememberSession } from './auth-api';

/** Why there is no session: said once, on the next page. */
export type SignedOutReason = 'signedOut' | 'signedOutEverywhere' | null;

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason: SignedOutReason }
  | { status: 'signedIn'; session: SessionView };

export interface SessionContextValue {
  state: SessionState;
  /** After sign-in, sign-up or an email link: the API's SessionView becomes the site's session. */
  enter(session: SessionView): void;
  signOut(everywhere: boolean): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * The visitor's account, if any. Most visitors never sign in, so a failed /auth/me (401, or the
 * API down) simply means "anonymous": the public site works the same without an account.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // The email-link page may sign in while /auth/me is still on its way: the newer session wins.
  const meRequest = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    meRequest.current = controller;
    authApi
      .me(controller.signal)
      .then((session) => {
        rememberSession(session);
        setState({ status: 'signedIn', session });
      })
      .catch(() => {
        if (controller.signal.aborted) return;
        rememberSession(null);
        setState({ status: 'anonymous', reason: null });
      });
    return () => controller.abort();
  }, []);

  const enter = useCallback((session: SessionView) => {
    meRequest.current?.abort();
    rememberSession(session);
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
    rememberSession(null);
    setState({ status: 'anonymous', reason: everywhere ? 'signedOutEverywhere' : 'signedOut' });
  }, []);

  const value = useMemo(() => ({ state, enter, signOut }), [state, enter, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
