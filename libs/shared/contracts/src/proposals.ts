// Citizen proposals: what the API answers and the map and console send (docs/proposals.md).
// Routes (JSON; errors as application/problem+json; unsafe methods need X-CSRF-Token):
//   GET    /api/v1/proposal-themes                                  → ProposalTheme[] (active)
//   GET    /api/v1/proposals (?sort=supports|newest|comments|nearest|relevance &q= &bbox= &status= &theme= &area=
//                             &lat= &lon= (nearest) &limit=1..100 &offset=)  → ProposalPage
//   POST   /api/v1/proposals            signed-in  CreateProposalInput (JSON, or multipart with `images`) → 201 ProposalDetail
//   GET    /api/v1/proposals/{id}                                   → ProposalDetail | HiddenProposalView
//   GET    /api/v1/reports/{ref}/proposals                          → ProposalSummary[] (public proposals linked to the report)
//   POST   /api/v1/proposals/{id}/withdraw  signed-in (author)      → ProposalDetail
//   POST   /api/v1/proposals/{id}/support   signed-in               → 201 SupportState (409 if already)
//   DELETE /api/v1/proposals/{id}/support   signed-in               → 200 SupportState (404 if none)
//   POST   /api/v1/proposals/{id}/follow    signed-in               → 201 FollowState (200 if already)
//   DELETE /api/v1/proposals/{id}/follow    signed-in               → 200 FollowState
//   Staff (community managers; department staff of the proposal's department where noted):
//   GET    /api/v1/staff/proposals (?status=&limit=&offset=)        → ProposalPage (staff see hidden ones too)
//   GET    /api/v1/staff/proposal-templates (?locale=&outcome=)     → ProposalAnswerTemplate[]
//   POST   /api/v1/staff/proposals/{id}/evaluate   EvaluateProposalInput   (CM) → ProposalDetail
//   POST   /api/v1/staff/proposals/{id}/answer     OfficialAnswerInput     (dept staff, CM) → ProposalDetail
//   POST   /api/v1/staff/proposals/{id}/progress   ProposalProgressInput   (dept staff, CM) → ProposalDetail
//   POST   /api/v1/staff/proposals/{id}/reports    LinkReportInput         (CM) → ProposalDetail
//   DELETE /api/v1/staff/proposals/{id}/reports/{ref}                      (CM) → ProposalDetail
//   Admin: GET/POST /api/v1/admin/proposal-themes, PATCH /api/v1/admin/proposal-themes/{code}  → AdminProposalTheme
// Supporters' identities and authors' emails never appear in any answer; the author's name only
// when they chose `showName`.

import type { LocalizedText } from './locale';

export const PROPOSAL_STATUSES = [
  'published',
  'under_evaluation',
  'accepted',
  'partially_accepted',
  'rejected',
  'in_execution',
  'completed',
  'withdrawn',
  'hidden',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** The outcomes of an evaluation: each needs an official answer from the responsible department. */
export const PROPOSAL_OUTCOMES = ['accepted', 'partially_accepted', 'rejected'] as const;
export type ProposalOutcome = (typeof PROPOSAL_OUTCOMES)[number];

export const PROPOSAL_SORTS = ['supports', 'newest', 'comments', 'nearest', 'relevance'] as const;
export type ProposalSort = (typeof PROPOSAL_SORTS)[number];

export const PROPOSAL_LIMITS = {
  titleMin: 8,
  titleMax: 140,
  summaryMin: 20,
  summaryMax: 300,
  descriptionMin: 30,
  descriptionMax: 6000,
  imagesMax: 3,
  answerMin: 20,
  answerMax: 6000,
  messageMax: 1000,
  pageMax: 100,
} as const;

export interface ProposalTheme {
  code: string;
  name: string;
  /** The department that evaluates proposals of this theme by default, when the city set one. */
  departmentId: string | null;
  active: boolean;
}

/** A theme as the admin API lists and returns it: the name in every language, inactive ones too. */
export interface AdminProposalTheme {
  code: string;
  name: LocalizedText;
  departmentId: string | null;
  active: boolean;
  sortOrder: number;
}

export interface ProposalThemeInput {
  code: string;
  name: LocalizedText;
  departmentId?: string | null;
  active?: boolean;
  sortOrder?: number;
}

export interface CreateProposalInput {
  title: string;
  summary: string;
  description: string;
  /** A ProposalTheme code. */
  theme: string;
  /** Optional point; the area is then computed (a point outside every area is refused with 422). */
  lat?: number;
  lon?: number;
  /** Optional area code (a district) for proposals without a point; ignored when a point is given. */
  area?: string;
  /** Show the author's name on the public proposal. */
  showName: boolean;
}

export interface ProposalImage {
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
}

export interface ProposalSummary {
  id: number;
  title: string;
  summary: string;
  theme: { code: string; name: string };
  status: ProposalStatus;
  area: { code: string; name: string } | null;
  /** [lon, lat] or null for proposals without a point. */
  location: [number, number] | null;
  supports: number;
  comments: number;
  followers: number;
  /** Only when the author chose to show it. */
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
  thumbnailUrl: string | null;
  /** Metres from lat/lon, only with sort=nearest. */
  distance?: number | null;
}

export interface ProposalPage {
  items: ProposalSummary[];
  total: number;
  limit: number;
  offset: number;
}

export interface ProposalTimelineEntry {
  at: string;
  from: ProposalStatus | null;
  to: ProposalStatus;
  /** `author`, `system` (the support threshold), `staff` or `moderation`. */
  by: 'author' | 'system' | 'staff' | 'moderation';
  message: string | null;
}

export interface OfficialAnswer {
  outcome: ProposalOutcome;
  text: string;
  department: { code: string; name: string } | null;
  at: string;
}

export interface LinkedReport {
  ref: string;
  title: string;
  status: string;
}

export interface ProposalDetail extends ProposalSummary {
  description: string;
  images: ProposalImage[];
  department: { code: string; name: string } | null;
  timeline: ProposalTimelineEntry[];
  answers: OfficialAnswer[];
  linkedReports: LinkedReport[];
  /** The support threshold that moves a published proposal to evaluation. */
  supportThreshold: number;
  /** What the signed-in caller did; absent for anonymous callers. */
  viewer?: { supported: boolean; following: boolean; isAuthor: boolean };
}

/** A proposal hidden by moderation keeps its page: a placeholder with the public reason. */
export interface HiddenProposalView {
  id: number;
  status: 'hidden';
  hidden: { reason: string; provisional: boolean };
}

/**
 * `GET /api/v1/staff/proposals/{id}`: the full proposal for staff, hidden ones included, with the
 * moderation decision in force (why, since when, what status it had) so a moderator can judge a review.
 */
export interface StaffProposalDetail extends Omit<ProposalDetail, 'viewer'> {
  moderation: {
    reason: string;
    provisional: boolean;
    note: string | null;
    decidedAt: string;
    statusBeforeHidden: string | null;
    reviewRequested: boolean;
  } | null;
}

export interface SupportState {
  supports: number;
  supported: boolean;
  status: ProposalStatus;
}

export interface FollowState {
  followers: number;
  following: boolean;
}

export interface EvaluateProposalInput {
  /** The department that must answer; defaults to the theme's. */
  departmentId?: string;
  message?: string;
}

export interface OfficialAnswerInput {
  outcome: ProposalOutcome;
  /** A ProposalAnswerTemplate id: the answer is written from it. */
  templateId: string;
  /** The final text, edited from the template's body. */
  text: string;
}

export interface ProposalProgressInput {
  status: 'in_execution' | 'completed';
  message?: string;
}

export interface LinkReportInput {
  reportRef: string;
}

export interface ProposalAnswerTemplate {
  id: string;
  title: string;
  locale: string;
  outcome: ProposalOutcome;
  body: string;
}
