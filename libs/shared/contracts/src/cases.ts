// The moderation console's case API: what community managers and departments see and send.
// Routes (all JSON unless said otherwise, errors as application/problem+json; unsafe methods need
// `X-CSRF-Token`). `{ref}` is the public report reference (`2026-000123`). Who may call:
// CM = community_manager, ADM = admin, DEP = department_staff (only cases of their departments,
// 403 otherwise; never notes with visibility `community_managers`).
//
// Inbox and case view
//   GET  /api/v1/staff/cases            CaseInboxQuery (query string)   → 200 CaseInbox            CM ADM DEP
//   GET  /api/v1/staff/cases/events     text/event-stream of CaseStreamEvent (see below)          CM ADM DEP
//   GET  /api/v1/staff/cases/{ref}                                        → 200 CaseDetail          CM ADM DEP
//   GET  /api/v1/staff/cases/{ref}/template-fill?templateId=             → 200 FilledTemplate      CM ADM DEP
//   GET  /api/v1/staff/holidays?from=YYYY-MM-DD&to=YYYY-MM-DD             → 200 Holiday[]           CM ADM DEP
// Moderation moves (CM ADM) — each answers 200 CaseMoveResult unless said otherwise
//   POST  /api/v1/staff/cases                          FileOnBehalfRequest   → 201 CaseMoveResult
//   POST  /api/v1/staff/cases/{ref}/publish            PublishRequest
//   POST  /api/v1/staff/cases/{ref}/hide               HideRequest
//   PATCH /api/v1/staff/cases/{ref}/text               EditTextRequest       (original kept in the audit trail)
//   PATCH /api/v1/staff/cases/{ref}/photos/{photoId}   PhotoVisibilityRequest
//   POST  /api/v1/staff/cases/{ref}/category           ChangeCategoryRequest (area + department recomputed)
//   POST  /api/v1/staff/cases/{ref}/location           ChangeLocationRequest (area + department recomputed)
//   POST  /api/v1/staff/cases/{ref}/assign             AssignRequest         (clears a referral)
//   POST  /api/v1/staff/cases/{ref}/merge              MergeRequest          (this case becomes the duplicate)
//   POST  /api/v1/staff/cases/{ref}/priority           PriorityRequest
//   POST  /api/v1/staff/cases/{ref}/drafts/{draftId}/approve  ApproveDraftRequest (publishes, optional edit)
//   POST  /api/v1/staff/cases/{ref}/drafts/{draftId}/reject   RejectDraftRequest
//   POST  /api/v1/staff/cases/bulk                     BulkMoveRequest       → 200 BulkMoveResult
// Moves for everyone who works the case (CM ADM DEP)
//   POST  /api/v1/staff/cases/{ref}/replies            PublicReplyRequest
//           CM/ADM and departments trusted to publish: published now (outcome `applied`);
//           other departments: kept as a draft for a CM to approve (outcome `sent_for_approval`, HTTP 202).
//   POST  /api/v1/staff/cases/{ref}/notes              InternalNoteRequest   → 201 CaseMoveResult
// Department moves (DEP for their departments; CM ADM may also use them)
//   POST  /api/v1/staff/cases/{ref}/acknowledge        StatusMoveRequest     (→ investigating)
//   POST  /api/v1/staff/cases/{ref}/schedule           ScheduleRequest       (→ action_scheduled)
//   POST  /api/v1/staff/cases/{ref}/start              StatusMoveRequest     (→ in_progress)
//   POST  /api/v1/staff/cases/{ref}/resolve            ResolveRequest        (→ fixed | closed | not_responsible | unable_to_fix;
//           public message required; same trust rule as replies: untrusted → draft + 202)
//   POST  /api/v1/staff/cases/{ref}/refer-back         ReferBackRequest      (back to the CM queue `referred`)
// Administration (ADM)
//   GET    /api/v1/admin/holidays?year=&scope=          → 200 Holiday[]
//   POST   /api/v1/admin/holidays        HolidayInput   → 201 Holiday (409 when the same date+scope exists)
//   DELETE /api/v1/admin/holidays/{id}                  → 204
//   GET    /api/v1/admin/department-trust               → 200 DepartmentTrust[]
//   PUT    /api/v1/admin/department-trust/{departmentId} DepartmentTrustInput → 200 DepartmentTrust
//
// Live updates: GET /api/v1/staff/cases/events answers `text/event-stream`. Each change is
//   `id: <opaque>\nevent: case\ndata: <CaseStreamEvent JSON>\n\n` (the id line is absent on moves
//   announced at once; the browser keeps the last id it had); a `: ping` comment every 20 s keeps
//   proxies from closing it. Department staff only receive events of their departments' cases.
//   The browser's EventSource sends the session cookie (same origin); on reconnect it sends
//   Last-Event-ID and missed changes are replayed when still known. Refetch the inbox/case on an event.

import type { DepartmentRef } from './accounts';
import type { NearbyReportView, PhotoState, PhotoView } from './report';
import type { ReportStatus } from './report-status';
import type { Locale } from './locale';
import type { ScreeningHold, ScreeningOverride } from './screening';

// ---------------------------------------------------------------- vocabulary

export const CASE_QUEUES = ['moderation', 'unassigned', 'overdue', 'referred', 'drafts', 'all'] as const;
/**
 * moderation: awaiting publication (status `unconfirmed`); unassigned: no department;
 * overdue: open and past its due date; referred: a department referred it back to the CM;
 * drafts: a department's reply awaits approval; all: every case the caller may see.
 */
export type CaseQueue = (typeof CASE_QUEUES)[number];

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export const CASE_SORTS = ['newest', 'oldest', 'due', 'priority', 'updated'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** Created within the last day / 7 days / 30 days, or more than 30 days ago. */
export const CASE_AGES = ['1d', '7d', '30d', 'older'] as const;
export type CaseAge = (typeof CASE_AGES)[number];

/** Derived from the status: `unconfirmed` → awaiting, `hidden` → hidden, otherwise published. */
export type ModerationState = 'awaiting' | 'published' | 'hidden';

export const NOTE_VISIBILITIES = ['community_managers', 'departments'] as const;
/** community_managers: CMs and admins only; departments: also the staff of the case's department. */
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

/** How a report reached the city; `web` and `open311` are set by those channels, never filed by staff. */
export const INTAKE_CHANNELS = ['phone', 'email', 'in_person', 'social_media', 'other'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
export type CaseSource = 'web' | 'open311' | IntakeChannel;

/** Statuses a department (or CM) may close a case with. */
export const RESOLUTION_STATUSES = ['fixed', 'closed', 'not_responsible', 'unable_to_fix'] as const;
export type ResolutionStatus = (typeof RESOLUTION_STATUSES)[number];

export const HOLIDAY_SCOPES = ['national', 'regional', 'local'] as const;
export type HolidayScope = (typeof HOLIDAY_SCOPES)[number];

// ---------------------------------------------------------------- shared pieces

export interface StaffRef {
  id: string;
  name: string;
}

export interface CodeName {
  code: string;
  name: string;
}

export interface AreaRef {
  id: string;
  code: string;
  name: string;
}

/** Response-time clock; null on a case when no clock runs (closed, duplicate, hidden). */
export interface CaseDue {
  /** End of the last business day allowed (ISO instant, end of day in the city time zone, CITY_TIME_ZONE). */
  dueAt: string;
  /** The category's target in business days. */
  targetDays: number;
  /** Business days left from today (0 = due today; negative = overdue by that many). */
  businessDaysLeft: number;
  overdue: boolean;
}

// ---------------------------------------------------------------- inbox

/** Query string of GET /api/v1/staff/cases; every field optional. */
export interface CaseInboxQuery {
  /** Default `all`. */
  queue?: CaseQueue;
  category?: string;
  /** Area code. */
  area?: string;
  /** Department id. */
  department?: string;
  /** One status or several, comma-separated. */
  status?: string;
  age?: CaseAge;
  /** Full-text search over ref, title, description and address (Spanish stemming, prefix on the ref). */
  q?: string;
  /** Default `newest`. */
  sort?: CaseSort;
  cursor?: string;
  /** 1–100, default 50. */
  limit?: number;
}

export interface CaseSummary {
  ref: string;
  title: string;
  category: CodeName;
  status: ReportStatus;
  moderation: ModerationState;
  priority: CasePriority;
  area: AreaRef | null;
  department: DepartmentRef | null;
  address: string | null;
  location: { lat: number; lon: number };
  source: CaseSource;
  createdAt: string;
  updatedAt: string;
  due: CaseDue | null;
  /** Set while a department's referral back to the CMs is unanswered. */
  referredBack: boolean;
  pendingDrafts: number;
  photoCount: number;
  /** Ref of the original when this case was merged into it. */
  duplicateOf: string | null;
  /**
   * Set while the case awaits moderation because screening found personal data in its public text
   * (held whatever the category's pre-moderation setting says); null otherwise.
   */
  held: ScreeningHold | null;
}

/** Counts per queue, within the caller's department scope and the query's other filters. */
export type CaseQueueCounts = Record<CaseQueue, number>;

export interface CaseInbox {
  items: CaseSummary[];
  counts: CaseQueueCounts;
  /** How many cases the query matches in all (the items are one page of them). */
  total: number;
  /** Keyset cursor of the next page (opaque), or null on the last page. */
  nextCursor: string | null;
}

// ---------------------------------------------------------------- case view

/** The reporter's contact: staff only, never in public pages, feeds or exports. */
export interface ReporterContact {
  name: string;
  email: string | null;
  phone: string | null;
  /** Whether the reporter agreed to show their name publicly. */
  showName: boolean;
  /**
   * The language to answer them in: their account's (kept up to date by the language switch),
   * else the one they filed the report in. The reply composer offers templates in it first.
   */
  locale: Locale;
}

export interface CasePhoto extends PhotoView {
  id: string;
  hidden: boolean;
  /** `pending` while the photo worker has not processed it (no image yet), `failed` with the reason. */
  state: PhotoState;
  /** Why processing gave up (`not_an_image`, `too_large`, `processing_error: …`), for staff only. */
  failureReason: string | null;
}

export interface CaseTimelineEntry {
  id: string;
  at: string;
  from: ReportStatus | null;
  to: ReportStatus;
  message: string | null;
  /** Public entries appear on the citizen's page; private ones (hide reason, referral…) only here. */
  isPublic: boolean;
  actorKind: 'citizen' | 'staff' | 'system';
  /** Staff member who wrote the message or made the move (null for citizen/system). */
  writtenBy: StaffRef | null;
  /** CM who approved a department's drafted message (null when published directly). */
  approvedBy: StaffRef | null;
  /** Department on whose behalf it was written, when a department wrote it. */
  department: DepartmentRef | null;
}

export interface InternalNote {
  id: string;
  at: string;
  author: StaffRef;
  body: string;
  visibility: NoteVisibility;
}

export type DraftState = 'pending' | 'approved' | 'rejected';

/** A department's public reply waiting for (or past) a community manager's approval. */
export interface DraftReply {
  id: string;
  state: DraftState;
  body: string;
  /** Status the case moves to when the draft is published (e.g. `fixed`), or null for a plain reply. */
  proposedStatus: ReportStatus | null;
  templateId: string | null;
  author: StaffRef;
  department: DepartmentRef | null;
  createdAt: string;
  decidedBy: StaffRef | null;
  decidedAt: string | null;
  /** Why a CM rejected it. */
  rejectionReason: string | null;
}

export interface RoutingSuggestion {
  /** Department the routing rules give for the case's area + category. */
  department: DepartmentRef | null;
  /** `area_rule`: a routing rule for the area; `category_default`: the category's default department. */
  basis: 'area_rule' | 'category_default' | 'outside_areas';
  /** True when the case is already assigned to the suggestion. */
  matchesCurrent: boolean;
}

export interface Referral {
  reason: string;
  at: string;
  by: StaffRef;
  department: DepartmentRef | null;
}

/** What the caller may do here (so the console only offers allowed moves). */
export interface CasePermissions {
  moderate: boolean;
  /** Replies and resolutions are published without approval. */
  publishDirectly: boolean;
  workAsDepartment: boolean;
  seeCommunityManagerNotes: boolean;
}

/** What an Open311 client sent besides the report (staff only; never republished). */
export interface CaseOpen311Submission {
  /** The client application's name. */
  client: string;
  /** The client's own photo link: shown to staff as a link, never fetched or republished. */
  mediaUrl: string | null;
  deviceId: string | null;
  accountId: string | null;
  /** `attribute[code]=value` answers, in the order sent; a multivaluelist's values joined. */
  attributes: { code: string; value: string }[];
}

export interface CaseDetail extends CaseSummary {
  description: string;
  reporter: ReporterContact;
  /** Free text recorded by staff filing on behalf of a citizen (e.g. "llamada 010, 9:40"). */
  channelDetails: string | null;
  /** Set for a report that came in over Open311. */
  open311: CaseOpen311Submission | null;
  photos: CasePhoto[];
  timeline: CaseTimelineEntry[];
  /** Already filtered by the caller's visibility. */
  notes: InternalNote[];
  drafts: DraftReply[];
  nearby: NearbyReportView[];
  routing: RoutingSuggestion;
  referral: Referral | null;
  /** Refs merged into this one. */
  duplicates: string[];
  followers: number;
  /** Statuses the state machine allows from the current one. */
  allowedStatuses: ReportStatus[];
  departmentTrustedToPublish: boolean;
  permissions: CasePermissions;
}

export interface CaseMoveResult {
  /** `sent_for_approval`: an untrusted department's reply/resolution became a pending draft. */
  outcome: 'applied' | 'sent_for_approval';
  case: CaseDetail;
}

export interface FilledTemplate {
  templateId: string;
  locale: string;
  /** Template body with {ref}, {title}, {category}, {department}, {area}, {address}, {date} filled
   *  (a placeholder without a value on this case is left as written). */
  body: string;
  styleNotes: string;
}

// ---------------------------------------------------------------- move bodies

/**
 * Every move that publishes staff text (reply, resolution, progress message, publication message,
 * merge message, draft approval) is screened by the API: personal data → 422
 * `SCREENING.PERSONAL_DATA` (errors[].kinds), unless a community manager sends `override` with a
 * reason (audited as `case.screening_override`); replies, resolutions and approved drafts must also
 * pass the style guide's blocking rules → 422 `SCREENING.STYLE_RULES` (errors[].rules).
 */
export interface ScreenedText {
  override?: ScreeningOverride;
}

/** A reply's language, for the style check; when absent the text may pass in any site language. */
export interface ScreenedReply extends ScreenedText {
  language?: Locale;
}

export interface PublishRequest extends ScreenedText {
  /** Optional public message shown with the publication. */
  message?: string;
}

export interface HideRequest {
  /** Internal reason (kept in the timeline as a private entry and in the audit trail). */
  reason: string;
}

export interface EditTextRequest {
  title?: string;
  description?: string;
  /** Why it was edited (e.g. `personal_data`); kept in the audit trail. */
  reason?: string;
}

export interface PhotoVisibilityRequest {
  hidden: boolean;
  reason?: string;
}

export interface ChangeCategoryRequest {
  category: string;
}

export interface ChangeLocationRequest {
  lat: number;
  lon: number;
  address?: string | null;
}

export interface AssignRequest {
  departmentId: string;
}

export interface MergeRequest extends ScreenedText {
  /** Ref of the original this case duplicates. */
  into: string;
  /** Public message on the duplicate; a default in the case's language otherwise. */
  message?: string;
}

export interface PriorityRequest {
  priority: CasePriority;
}

export interface PublicReplyRequest extends ScreenedReply {
  /** Text to publish; placeholders are filled server-side. Optional when templateId is given. */
  body?: string;
  templateId?: string;
  /** Move the case to this status with the reply (must be allowed by the state machine). */
  status?: ReportStatus;
}

export interface InternalNoteRequest {
  body: string;
  /** Department staff may only write `departments` notes. */
  visibility: NoteVisibility;
}

export interface StatusMoveRequest extends ScreenedText {
  /** Optional public message. The status moves at once; from an untrusted department the message
   *  becomes a pending draft (outcome `sent_for_approval`). */
  message?: string;
}

export interface ScheduleRequest extends StatusMoveRequest {
  /** Planned date (YYYY-MM-DD), shown to staff. */
  scheduledFor?: string;
}

export interface ResolveRequest extends ScreenedReply {
  status: ResolutionStatus;
  body?: string;
  templateId?: string;
}

export interface ReferBackRequest {
  reason: string;
}

export interface ApproveDraftRequest extends ScreenedReply {
  /** The CM's edited text; the draft's own body when absent. */
  body?: string;
}

export interface RejectDraftRequest {
  reason: string;
}

export interface FileOnBehalfRequest {
  category: string;
  title: string;
  description: string;
  lat: number;
  lon: number;
  address?: string;
  reporter: {
    name: string;
    /** At least one of email or phone. */
    email?: string;
    phone?: string;
    showName: boolean;
  };
  channel: IntakeChannel;
  /** E.g. the social network post URL, the office, the time of the call. */
  channelDetails?: string;
  /** Publish at once (default false: it waits in the moderation queue like any report needing it). */
  publish?: boolean;
}

export type BulkMove =
  | { move: 'publish' }
  | { move: 'hide'; reason: string }
  | { move: 'assign'; departmentId: string }
  | { move: 'priority'; priority: CasePriority };

export type BulkMoveRequest = BulkMove & { refs: string[] };

export interface BulkMoveResult {
  results: Array<{ ref: string; ok: boolean; code?: string; detail?: string }>;
}

// ---------------------------------------------------------------- live updates

export interface CaseStreamEvent {
  kind: 'created' | 'changed';
  ref: string;
  departmentId: string | null;
  status: ReportStatus;
  at: string;
}

// ---------------------------------------------------------------- administration

export interface Holiday {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  name: string;
  scope: HolidayScope;
}

export interface HolidayInput {
  date: string;
  name: string;
  scope: HolidayScope;
}

export interface DepartmentTrust {
  departmentId: string;
  code: string;
  trustedToPublish: boolean;
}

export interface DepartmentTrustInput {
  trustedToPublish: boolean;
}

// Saved inbox views, per person, kept on the server (the console reads and replaces the list):
//   GET /api/v1/staff/saved-views                      → 200 SavedView[]                  CM ADM DEP
//   PUT /api/v1/staff/saved-views  { views: SavedView[] } → 200 SavedView[]                CM ADM DEP
/** A named inbox view: the inbox's query string (queue, filters, sort), e.g. `?queue=overdue`. */
export interface SavedView {
  name: string;
  search: string;
}

export const SAVED_VIEW_LIMITS = { viewsMax: 20, nameMax: 60, searchMax: 1000 } as const;
