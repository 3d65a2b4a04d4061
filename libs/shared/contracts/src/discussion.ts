// Discussion, flags, moderation and follows (docs/proposals.md).
// Routes (JSON; errors as application/problem+json; unsafe methods need X-CSRF-Token):
//   GET    /api/v1/proposals/{id}/comments                      → CommentThread
//   POST   /api/v1/proposals/{id}/comments  signed-in  NewCommentInput → 201 CommentView
//   GET    /api/v1/reports/{ref}/comments                       → CommentThread
//   POST   /api/v1/reports/{ref}/comments   signed-in  NewCommentInput → 201 CommentView
//   PATCH  /api/v1/comments/{id}            signed-in (author, within the edit window) EditCommentInput → CommentView
//   DELETE /api/v1/comments/{id}            signed-in (author) → 200 CommentView (the placeholder)
//   POST   /api/v1/reports/{ref}/follow, DELETE …/follow  signed-in → FollowState (see proposals.ts)
//   POST   /api/v1/flags                    signed-in  FlagInput → 201 FlagResult (409 if this user flagged it already)
//   GET    /api/v1/me/notifications         signed-in  → NotificationView[];  POST /api/v1/me/notifications/{id}/read → 204
//   POST   /api/v1/moderation-decisions/{id}/review-request  signed-in (the author, once) ReviewRequestInput → ModerationDecisionView
//   Staff (community managers and admins):
//   GET    /api/v1/staff/flags (?state=open|all)                → FlaggedTarget[] (grouped by target, with counts)
//   POST   /api/v1/staff/flags/{targetType}/{targetId}/hide     HideInput → ModerationDecisionView
//   POST   /api/v1/staff/flags/{targetType}/{targetId}/dismiss  → FlaggedTarget
//   GET    /api/v1/staff/review-requests                        → ModerationDecisionView[] (pending)
//   POST   /api/v1/staff/moderation-decisions/{id}/review       ReviewOutcomeInput → ModerationDecisionView
//   POST   /api/v1/staff/users/{id}/block   BlockUserInput → BlockView;  DELETE /api/v1/staff/users/{id}/block → 204
// Comment authors are never named: citizens appear as "participant N" of the thread (stable per
// thread), staff with their role and department ("Ayuntamiento · Limpieza").

import type { ScreeningHold } from './screening';

export const COMMENT_LIMITS = { bodyMin: 2, bodyMax: 2000, pageMax: 200 } as const;

export const FLAG_TARGET_TYPES = ['comment', 'proposal', 'report'] as const;
export type FlagTargetType = (typeof FLAG_TARGET_TYPES)[number];

export const FLAG_REASONS = ['spam', 'offensive', 'personal_data', 'off_topic', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** Why content was hidden: a flag reason, or `pending_review` while flags hide it provisionally. */
export type HiddenReason = FlagReason | 'pending_review' | 'author_blocked';

export type CommentAuthor =
  | { kind: 'citizen'; participant: number; isProposalAuthor: boolean }
  | { kind: 'staff'; role: 'community_manager' | 'department_staff' | 'admin'; department: string | null };

export interface CommentView {
  id: number;
  parentId: number | null;
  /** Null when the comment was deleted or hidden: `state` says which, the thread keeps its shape. */
  body: string | null;
  state: 'visible' | 'deleted' | 'hidden';
  hidden: { reason: HiddenReason; provisional: boolean } | null;
  author: CommentAuthor | null;
  createdAt: string;
  editedAt: string | null;
  /** Only for the signed-in author: whether they may still edit, and until when. */
  mine?: boolean;
  editableUntil?: string | null;
  replies: CommentView[];
}

export interface CommentThread {
  target: { type: 'proposal' | 'report'; id: string };
  comments: CommentView[];
  total: number;
}

export interface NewCommentInput {
  body: string;
  /** A top-level comment of the same thread; replies to replies are refused (422). */
  parentId?: number;
}

export interface EditCommentInput {
  body: string;
}

export interface FlagInput {
  targetType: FlagTargetType;
  /** A comment or proposal id, or a report's ref. */
  targetId: string;
  reason: FlagReason;
  /** Required when reason is `other`. */
  details?: string;
}

export interface FlagResult {
  flagged: true;
  /** True when this flag brought the distinct flaggers to the threshold and the content is now hidden until reviewed. */
  hiddenProvisionally: boolean;
}

export interface FlaggedTarget {
  targetType: FlagTargetType;
  targetId: string;
  /** A short excerpt of the content for the queue (staff only). */
  excerpt: string;
  flags: number;
  reasons: Partial<Record<FlagReason, number>>;
  details: string[];
  firstFlaggedAt: string;
  lastFlaggedAt: string;
  state: 'visible' | 'hidden_provisionally' | 'hidden' | 'dismissed';
  authorId: string | null;
  /** For a comment: the proposal or report whose thread it belongs to, and its parent comment if it is a reply. */
  thread?: { targetType: 'proposal' | 'report'; targetId: string; title: string; parentId: number | null } | null;
  /** Set while screening holds the content because it contains personal data (it may have no flags). */
  held?: ScreeningHold | null;
}

/** `GET /api/v1/staff/flags/count`: what the console's navigation shows beside "Flags". */
export interface FlagCount {
  /** Targets with open flags (what the queue lists by default). */
  open: number;
  /** Of those, hidden provisionally until someone reviews them. */
  provisional: number;
  /** Authors waiting for the outcome of their review request. */
  reviews: number;
}

/** `GET /api/v1/staff/blocks`: a blocked citizen, for the console's list (an id, never an email). */
export interface BlockedUserView {
  userId: string;
  justification: string;
  blockedAt: string;
  /** Visible proposals and comments still public from this account. */
  visibleItems: number;
}

export interface HideInput {
  reason: FlagReason;
  /** Shown to the author (not publicly). */
  note?: string;
}

export interface ModerationDecisionView {
  id: string;
  targetType: FlagTargetType;
  targetId: string;
  kind: 'provisional' | 'hidden';
  reason: HiddenReason;
  note: string | null;
  decidedAt: string;
  liftedAt: string | null;
  review: {
    requestedAt: string;
    message: string;
    outcome: 'upheld' | 'reversed' | null;
    note: string | null;
    reviewedAt: string | null;
  } | null;
}

export interface ReviewRequestInput {
  message: string;
}

export interface ReviewOutcomeInput {
  outcome: 'upheld' | 'reversed';
  note: string;
}

export interface BlockUserInput {
  justification: string;
  /** Hide every proposal and comment of the user in the same move. */
  hideContent?: boolean;
}

export interface BlockView {
  userId: string;
  blockedAt: string;
  justification: string;
  hiddenItems: number;
}

export interface NotificationView {
  id: string;
  /** `report_update` / `proposal_update`: written by the notifications feature for reporters, authors and followers. */
  kind: 'content_hidden' | 'review_outcome' | 'report_update' | 'proposal_update';
  createdAt: string;
  readAt: string | null;
  data: Record<string, unknown>;
  /**
   * `content_hidden` / `review_outcome`: the decision as it stands now (asked for a review yet? outcome?) and
   * where the content lives, read with the notification so the author's page can link to it and offer the review.
   */
  moderation?: NotificationModeration | null;
}

export interface NotificationModeration {
  decision: ModerationDecisionView;
  /** The page to open: the proposal or report itself, or for a comment the thread it was posted in. */
  thread: { type: 'proposal' | 'report'; id: string; title: string } | null;
  /** For a comment, the start of its text, so the author knows which one (only ever shown to them). */
  excerpt: string | null;
}
