// The staff side of issue 6 (flags, review requests, blocks): thin calls over the shared contracts.
import type {
  BlockedUserView,
  BlockUserInput,
  FlagCount,
  BlockView,
  FlagTargetType,
  FlaggedTarget,
  HideInput,
  ModerationDecisionView,
  ReviewOutcomeInput,
} from '@plaza/shared/contracts';
import { apiRequest } from './client';

const target = (type: FlagTargetType, id: string) => `/api/v1/staff/flags/${type}/${encodeURIComponent(id)}`;

export const participationApi = {
  flags: (state: 'open' | 'all') => apiRequest<FlaggedTarget[]>('/api/v1/staff/flags', { query: { state } }),
  hide: (type: FlagTargetType, id: string, input: HideInput) =>
    apiRequest<ModerationDecisionView>(`${target(type, id)}/hide`, { method: 'POST', json: input }),
  dismiss: (type: FlagTargetType, id: string) => apiRequest<FlaggedTarget>(`${target(type, id)}/dismiss`, { method: 'POST' }),
  reviewRequests: () => apiRequest<ModerationDecisionView[]>('/api/v1/staff/review-requests'),
  review: (decisionId: string, input: ReviewOutcomeInput) =>
    apiRequest<ModerationDecisionView>(`/api/v1/staff/moderation-decisions/${encodeURIComponent(decisionId)}/review`, {
      method: 'POST',
      json: input,
    }),
  block: (userId: string, input: BlockUserInput) =>
    apiRequest<BlockView>(`/api/v1/staff/users/${encodeURIComponent(userId)}/block`, { method: 'POST', json: input }),
  unblock: (userId: string) => apiRequest<void>(`/api/v1/staff/users/${encodeURIComponent(userId)}/block`, { method: 'DELETE' }),
  blocks: () => apiRequest<BlockedUserView[]>('/api/v1/staff/blocks'),
  count: () => apiRequest<FlagCount>('/api/v1/staff/flags/count'),
};

/** Where the public site shows a flagged target; comments have no page of their own in the queue's data. */
export function publicPathOf(type: FlagTargetType, id: string): string | null {
  if (type === 'proposal') return `/proposals/${encodeURIComponent(id)}`;
  if (type === 'report') return `/reports/${encodeURIComponent(id)}`;
  return null;
}
