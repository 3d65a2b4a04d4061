import type { DepartmentDispatchSettings } from './dispatch';
// Accounts, sessions and administration: the shapes the API answers and the console sends.
// Routes (all JSON, errors as application/problem+json):
//   POST /api/v1/auth/signup                 SignupRequest        → 202 SignupAccepted (always, taken address or not: the link is mailed)
//   POST /api/v1/auth/login                  LoginRequest         → 200 SessionView (starts the session cookie)
//   POST /api/v1/auth/logout                                      → 204
//   POST /api/v1/auth/logout-everywhere                           → 204 (every session of the user)
//   GET  /api/v1/auth/me                                          → 200 SessionView | 401
//   POST /api/v1/auth/email-link             EmailLinkRequest     → 202 (always: no account enumeration)
//   POST /api/v1/auth/email-link/verify      EmailLinkVerify      → 200 SessionView
//   /api/v1/admin/departments      GET list, POST create, PATCH /{id}
//   /api/v1/admin/categories       GET list, POST create, PATCH /{code}
//   /api/v1/admin/routing-rules    GET list, POST create, DELETE /{id}
//   /api/v1/admin/areas            GET list, POST (GeoJSON upload), PATCH /{id}, DELETE /{id}
//   /api/v1/admin/users            GET list (?q=&role=), POST create, PATCH /{id}
//   /api/v1/admin/templates        GET list, POST create, PATCH /{id}, DELETE /{id}
//   /api/v1/admin/audit            GET (?before=&limit=) AuditPage;  GET /api/v1/admin/audit/verify → AuditVerification
//   /api/v1/admin/mail             GET list of kept messages; GET /{id} one MailMessageView
// Added with the backend (additions only):
//   POST /api/v1/auth/password               PasswordChangeRequest → 204 (other sessions end)
//   GET  /api/v1/staff/departments                                → DepartmentRef[] the caller works for
//   GET  /api/v1/staff/departments/{id}                           → StaffDepartmentView (403 outside the caller's departments)
//   GET  /api/v1/staff/templates (?category=&locale=&status=)     → ResponseTemplate[] (active ones)
//   GET|POST /api/v1/admin/template-groups, PATCH|DELETE /api/v1/admin/template-groups/{id}
//                                                                 → ResponseTemplateGroup (every language of a template)
// Unsafe methods on a cookie session must carry the session's CSRF token in `X-CSRF-Token`.

import type { Locale, LocalizedText } from './locale';

export const ROLES = ['citizen', 'community_manager', 'department_staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const SESSION_COOKIE = 'plaza_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** Departments a department_staff member belongs to (empty for other roles). */
  departments: DepartmentRef[];
  locale: string;
}

export interface SessionView {
  user: SessionUser;
  /** Send back as `X-CSRF-Token` on POST/PUT/PATCH/DELETE. */
  csrfToken: string;
  expiresAt: string;
  /** Only in the answer to email-link/verify: the same-origin path the link was asked for. */
  next?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface SignupRequest {
  name: string;
  email: string;
  password: string;
  locale?: string;
  /** Consent to the data-protection notice: must be true. */
  consent: boolean;
  /** Where the link mailed to finish the sign-up lands: a path on this origin. */
  next?: string;
}

/**
 * The answer to every well-formed sign-up, whether the address was new or already had an account:
 * the mailbox's owner gets either the link that finishes the sign-up or a note that they already
 * have an account (docs/security.md#sign-up).
 */
export interface SignupAccepted {
  status: 'check_mail';
}

export interface EmailLinkRequest {
  email: string;
  /** Where to land after signing in: a path on this origin, e.g. `/console/` or `/`. */
  next?: string;
}

export interface EmailLinkVerify {
  token: string;
}

export interface PasswordChangeRequest {
  /** Required unless the session was opened by an email link within the last hour. */
  currentPassword?: string;
  newPassword: string;
}

/** A department as its own staff see it: what it handles, and how fast. */
export interface StaffDepartmentView extends DepartmentRef {
  contactEmail: string;
  categories: Array<{ code: string; name: string; targetDays: number }>;
}


export interface AdminDepartment {
  id: string;
  code: string;
  name: LocalizedText;
  contactEmail: string;
  /** The language Plaza writes the department's mails in (default Spanish). */
  locale: Locale;
  active: boolean;
  /** How routed cases reach the department (docs/dispatch.md). */
  dispatch: DepartmentDispatchSettings;
}

export interface AdminCategory {
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  group: LocalizedText | null;
  icon: string;
  defaultDepartmentId: string;
  requiresModeration: boolean;
  targetDays: number;
  active: boolean;
}

export interface AdminRoutingRule {
  id: string;
  areaId: string;
  areaName: string;
  categoryCode: string;
  departmentId: string;
}

export interface AdminArea {
  id: string;
  code: string;
  name: string;
  kind: string;
  /** Square metres, computed by PostGIS. */
  areaM2: number;
}

/** Answer to an area upload: what was stored, and what PostGIS had to repair. */
export interface AreaUploadResult {
  created: AdminArea[];
  updated: AdminArea[];
  repaired: Array<{ code: string; reason: string }>;
}

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  departmentIds: string[];
  active: boolean;
  createdAt: string;
  lastSignInAt: string | null;
  /** Language of the mail Plaza sends them. */
  locale?: string;
}

export interface ResponseTemplate {
  id: string;
  /** The template this text is one language of: its other languages share the group id. */
  groupId: string;
  title: string;
  locale: string;
  /** null: usable for every category. */
  categoryCode: string | null;
  /** Report status this reply goes with (e.g. `fixed`), or null. */
  status: string | null;
  /** With placeholders such as {ref}, {category}, {department}, {date}. */
  body: string;
  /** The city's style-guide notes for whoever uses it. */
  styleNotes: string;
  active: boolean;
}

/** One language of a response template. */
export interface TemplateText {
  title: string;
  /** With placeholders such as {ref}, {category}, {department}, {date}. */
  body: string;
  /** The style guide's notes for replies in this language. */
  styleNotes: string;
}

/**
 * A response template in every language it has (docs/decisions/0014-template-languages.md): one
 * stored row per language, sharing `id` as their group, so a sent reply keeps pointing at the
 * language it was written from.
 */
export interface ResponseTemplateGroup {
  id: string;
  /** null: usable for every category. */
  categoryCode: string | null;
  status: string | null;
  active: boolean;
  /** Each language's text and the id of its row; templates from before issue 18 may lack some. */
  texts: Partial<Record<Locale, TemplateText & { templateId: string }>>;
}

/** Create or change a template: on create, and whenever `texts` is sent, all five languages. */
export interface ResponseTemplateGroupInput {
  categoryCode?: string | null;
  status?: string | null;
  active?: boolean;
  texts?: Record<Locale, Omit<TemplateText, 'styleNotes'> & { styleNotes?: string }>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** First entry whose hash does not match the chain, when not ok. */
  brokenAt: number | null;
  /** Last entry that checked out: note it somewhere else to detect a rewritten tail later. */
  head?: { seq: number; hash: string } | null;
}

export interface MailMessageView {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
}
