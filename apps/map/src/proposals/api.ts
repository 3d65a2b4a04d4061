import type {
  CommentThread,
  CommentView,
  FlagInput,
  FlagResult,
  HiddenProposalView,
  NewCommentInput,
  ProposalDetail,
  ProposalPage,
  ProposalTheme,
  SessionView,
  SupportState,
} from '@plaza/shared/contracts';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson, request } from '../api/http';

export const PAGE_SIZE = 20;

/** Whether the visitor is signed in; `null` while asking. Actions that need a session use its CSRF token. */
export function useSession(): { session: SessionView | null | undefined } {
  const [session, setSession] = useState<SessionView | null | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    getJson<SessionView>('/api/v1/auth/me', controller.signal).then(
      (view) => setSession(view),
      // 401 (anonymous) or unreachable: either way the visitor is offered the sign-in link.
      () => {
        if (!controller.signal.aborted) setSession(null);
      },
    );
    return () => controller.abort();
  }, []);
  return { session };
}

/** An unsafe request on the visitor's session: the API refuses it without the session's CSRF token. */
export function sendJson<T>(
  method: 'POST' | 'DELETE',
  url: string,
  session: SessionView,
  body?: unknown,
): Promise<T> {
  return request<T>(url, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      'X-CSRF-Token': session.csrfToken,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
  });
}

export const proposalApi = {
  themes: (signal?: AbortSignal) => getJson<ProposalTheme[]>('/api/v1/proposal-themes', signal),
  list: (query: string, signal?: AbortSignal) => getJson<ProposalPage>(`/api/v1/proposals?${query}`, signal),
  get: (id: string, signal?: AbortSignal) =>
    getJson<ProposalDetail | HiddenProposalView>(`/api/v1/proposals/${encodeURIComponent(id)}`, signal),
  comments: (id: string, signal?: AbortSignal) =>
    getJson<CommentThread>(`/api/v1/proposals/${encodeURIComponent(id)}/comments`, signal),
  support: (id: number, session: SessionView, on: boolean) =>
    sendJson<SupportState>(on ? 'POST' : 'DELETE', `/api/v1/proposals/${id}/support`, session),
  comment: (id: number, session: SessionView, input: NewCommentInput) =>
    sendJson<CommentView>('POST', `/api/v1/proposals/${id}/comments`, session, input),
  flag: (session: SessionView, input: FlagInput) =>
    sendJson<FlagResult>('POST', '/api/v1/flags', session, input),
};

export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'not-found' } | { state: 'error' };

/** Loads once per key; `reload()` asks again (after an action changed what the page shows). */
export function useLoad<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setResult({ state: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResult({
          state:
            error instanceof ApiError && (error.status === 404 || error.status === 400)
              ? 'not-found'
              : 'error',
        });
      },
    );
    return () => controller.abort();
    // `load` is rebuilt on each render; the key says when the data to load changed.
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [result, reload];
}

/** The sign-in page, coming back here afterwards. */
export function signInHref(): string {
  return `/signin?next=${encodeURIComponent(location.pathname + location.search)}`;
}
