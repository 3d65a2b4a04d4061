import {
  CSRF_HEADER,
  type CommentThread,
  CommentView,
  FlagInput,
  FlagResult,
  FollowState,
  HiddenProposalView,
  NewCommentInput,
  ProposalDetail,
  ProposalPage,
  ProposalTheme,
  SessionView,
  SupportState,
} from '@plaza/shared/contracts';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiRequest, getJson } from '@plaza/web/api-client';

export const PAGE_SIZE = 20;

/** The visitor's session from the site's SessionProvider: `undefined` while asking, `null` when anonymous. */
export { useSessionView as useSession } from '@plaza/web/session';

/** An unsafe request on the visitor's session: the API refuses it without the session's CSRF token. */
export function sendJson<T>(
  method: 'POST' | 'DELETE' | 'PATCH',
  url: string,
  session: SessionView,
  body?: unknown,
): Promise<T> {
  return apiRequest<T>(url, { method, json: body, headers: { [CSRF_HEADER]: session.csrfToken } });
}

export const proposalApi = {
  themes: (signal?: AbortSignal) => getJson<ProposalTheme[]>('/api/v1/proposal-themes', signal),
  list: (query: string, signal?: AbortSignal) => getJson<ProposalPage>(`/api/v1/proposals?${query}`, signal),
  get: (id: string, signal?: AbortSignal) =>
    getJson<ProposalDetail | HiddenProposalView>(`/api/v1/proposals/${encodeURIComponent(id)}`, signal),
  support: (id: number, session: SessionView, on: boolean) =>
    sendJson<SupportState>(on ? 'POST' : 'DELETE', `/api/v1/proposals/${id}/support`, session),
  flag: (session: SessionView, input: FlagInput) =>
    sendJson<FlagResult>('POST', '/api/v1/flags', session, input),
  withdraw: (id: number, session: SessionView) =>
    sendJson<ProposalDetail>('POST', `/api/v1/proposals/${id}/withdraw`, session),
};

/** A discussion thread: a proposal's or a report's (`/api/v1/proposals/12`, `/api/v1/reports/2026-000123`). */
export const threadApi = {
  comments: (base: string, signal?: AbortSignal) => getJson<CommentThread>(`${base}/comments`, signal),
  comment: (base: string, session: SessionView, input: NewCommentInput) =>
    sendJson<CommentView>('POST', `${base}/comments`, session, input),
  edit: (id: number, session: SessionView, body: string) =>
    sendJson<CommentView>('PATCH', `/api/v1/comments/${id}`, session, { body }),
  remove: (id: number, session: SessionView) => sendJson<CommentView>('DELETE', `/api/v1/comments/${id}`, session),
  following: (base: string, signal?: AbortSignal) => getJson<FollowState>(`${base}/follow`, signal),
  follow: (base: string, session: SessionView, on: boolean) =>
    sendJson<FollowState>(on ? 'POST' : 'DELETE', `${base}/follow`, session),
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
