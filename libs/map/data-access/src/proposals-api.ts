import {
  CSRF_HEADER,
  type CommentThread,
  type CommentView,
  type FlagInput,
  type FlagResult,
  type FollowState,
  type HiddenProposalView,
  type NewCommentInput,
  type PlaceView,
  type ProposalDetail,
  type ProposalPage,
  type ProposalTheme,
  type SessionView,
  type SupportState,
} from '@plaza/shared/contracts';
import { apiRequest, getJson } from '@plaza/web/api-client';

export const PAGE_SIZE = 20;

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
  /** Flags a comment (or a proposal) for moderation. */
  flag: (session: SessionView, input: FlagInput) => sendJson<FlagResult>('POST', '/api/v1/flags', session, input),
};

/** The address at a point, from the city's address service; null when it knows none (or there is none). */
export async function reversePlace(lat: number, lon: number, signal?: AbortSignal): Promise<PlaceView | null> {
  const place = await apiRequest<PlaceView | undefined>(`/api/v1/places/reverse?lat=${lat}&lon=${lon}`, { signal });
  return place ?? null;
}

/** Places (districts, addresses of public reports) matching what the visitor typed. */
export function searchPlaces(query: string, signal?: AbortSignal): Promise<PlaceView[]> {
  return getJson<PlaceView[]>(`/api/v1/places?q=${encodeURIComponent(query)}`, signal);
}
