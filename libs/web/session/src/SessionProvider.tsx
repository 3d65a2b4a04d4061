import type { Locale, SessionView } from '@plaza/shared/contracts';
import { ApiError, onSessionExpired, setCsrfToken } from '@plaza/web/api-client';
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
import { authApi } from './auth-api';

/** Why there is no session: said once, on the next page. */
export type SignedOutReason = 'signedOut' | 'signedOutEverywhere' | 'expired' | null;

export type SessionState =
  | { status: 'loading' }
  /** Only with `requireApi`: /auth/session failed for another reason than 401 (offer `retry`). */
  | { status: 'unavailable' }
  | { status: 'anonymous'; reason: SignedOutReason }
  | { status: 'signedIn'; session: SessionView };

export interface SessionContextValue {
  state: SessionState;
  /** After sign-in, sign-up or an email link: the API's SessionView becomes the app's session. */
  enter(session: SessionView): void;
  signOut(everywhere: boolean): Promise<void>;
  /** Asks /auth/session again (after `unavailable`). */
  retry(): void;
  /**
   * Keeps the language in the signed-in account, so mails follow it (the language switch calls it);
   * does nothing when anonymous or already stored. Rejects when the API refuses.
   */
  saveAccountLocale(locale: Locale): Promise<void>;
}

export interface SessionProviderProps {
  children: ReactNode;
  /**
   * The console cannot work without the API: a failed /auth/session other than 401 is `unavailable`.
   * Without it (the public site) any failure simply means anonymous.
   */
  requireApi?: boolean;
  /** A 401 on a signed-in request (outside /auth) ends the session with reason `expired`. */
  endOnExpiry?: boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * The visitor's account, if any, and the CSRF token the API client sends back. One /auth/session for
 * the whole app; signing in or out anywhere is seen everywhere at once.
 */
export function SessionProvider({ children, requireApi = false, endOnExpiry = false }: SessionProviderProps) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The email-link page may sign in while /auth/session is still on its way: whatever that late answer
  // says (401, no cookie yet), the session just entered must win.
  const meRequest = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    meRequest.current = controller;
    authApi
      .current(controller.signal)
      .then((session) => {
        setCsrfToken(session?.csrfToken ?? null);
        setState(session ? { status: 'signedIn', session } : { status: 'anonymous', reason: null });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setCsrfToken(null);
        const anonymous = !requireApi || (error instanceof ApiError && error.status === 401);
        setState(anonymous ? { status: 'anonymous', reason: null } : { status: 'unavailable' });
      });
    return () => controller.abort();
  }, [attempt, requireApi]);

  useEffect(() => {
    if (!endOnExpiry) return undefined;
    return onSessionExpired(() => {
      setCsrfToken(null);
      setState((current) => (current.status === 'signedIn' ? { status: 'anonymous', reason: 'expired' } : current));
    });
  }, [endOnExpiry]);

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

  const saveAccountLocale = useCallback(
    async (locale: Locale) => {
      if (state.status !== 'signedIn' || state.session.user.locale === locale) return;
      await authApi.setAccountLocale(locale);
      setState((current) =>
        current.status === 'signedIn'
          ? { status: 'signedIn', session: { ...current.session, user: { ...current.session.user, locale } } }
          : current,
      );
    },
    [state],
  );

  const value = useMemo(() => ({ state, enter, signOut, retry, saveAccountLocale }), [state, enter, signOut, retry, saveAccountLocale]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The session alone: `undefined` while asking, `null` when anonymous (or the API is unavailable). */
export function useSessionView(): { session: SessionView | null | undefined } {
  const { state } = useSession();
  return { session: state.status === 'loading' ? undefined : state.status === 'signedIn' ? state.session : null };
}

/** The CSRF token of the current session, or null. */
export function useCsrfToken(): string | null {
  const { state } = useSession();
  return state.status === 'signedIn' ? state.session.csrfToken : null;
}
