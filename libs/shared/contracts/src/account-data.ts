/**
 * A citizen's whole record (GET /api/v1/account/data): what they gave, what they did, and what
 * they consented to. Machine-readable for portability (GDPR art. 20); the map's /account/data
 * page shows the same record readably. docs/privacy.md lists where each part is stored.
 */

import type { Locale } from './locale';

export interface AccountDataReport {
  ref: string;
  title: string;
  description: string;
  status: string;
  address: string | null;
  /** The contact the city holds for this report. */
  contact: { name: string; email: string; phone: string | null; showName: boolean };
  createdAt: string;
  updatedAt: string;
}

export interface AccountDataProposal {
  id: string;
  title: string;
  summary: string;
  status: string;
  showName: boolean;
  supportCount: number;
  commentCount: number;
  createdAt: string;
}

export interface AccountDataComment {
  id: string;
  on: { type: string; id: string };
  body: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

export interface AccountDataConsent {
  at: string;
  /** Which form collected the data: report, signup, alert, proposal, comment. */
  form: string;
  /** web, on_behalf (staff took the details, e.g. by phone) or open311 (a client application). */
  channel: string;
  /** The version (a hash) of the data-protection notice text shown, and its language. */
  noticeVersion: string;
  noticeLocale: string;
  reportRef: string | null;
}

export interface AccountData {
  exportedAt: string;
  account: {
    id: string;
    name: string;
    email: string;
    locale: string;
    emailNotifications: boolean;
    createdAt: string;
    lastSignInAt: string | null;
  } | null;
  reports: AccountDataReport[];
  proposals: AccountDataProposal[];
  comments: AccountDataComment[];
  supports: Array<{ proposalId: string; title: string; createdAt: string }>;
  follows: Array<{ type: string; id: string; createdAt: string }>;
  alerts: Array<{ id: string; scope: string; frequency: string; locale: string; createdAt: string; confirmedAt: string | null }>;
  consents: AccountDataConsent[];
  /** How many times city staff opened the contact details of these reports (each is audit-logged). */
  staffContactViews: number;
}

/** PATCH /api/v1/account: corrections. An email change is only applied once the new address confirms it. */
export interface AccountCorrection {
  name?: string;
  /** Mails a confirmation link to the new address; the change applies when it is followed. */
  email?: string;
  /** The phone on the reports filed from this account; empty string removes it. */
  phone?: string;
  /** The language Plaza writes to me in; the web apps' language switch sends it too. */
  locale?: Locale;
}
