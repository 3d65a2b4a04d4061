import { CSRF_HEADER, type FiledReportFeature } from '@plaza/shared/contracts';
import { apiRequest, randomToken } from '@plaza/web/api-client';
import type { ReportDraft } from './draft';

/**
 * One Idempotency-Key per submission attempt: the same content sent again (a retry after a
 * network failure) reuses the key, so the API returns the report it may already have created
 * instead of filing a second one; edited content is a new attempt with a new key (the API
 * refuses a key reused for a different body).
 */
export class SubmissionAttempt {
  private key: string | null = null;
  private fingerprint: string | null = null;

  keyFor(draft: ReportDraft): string {
    const fingerprint = fingerprintOf(draft);
    if (this.key === null || fingerprint !== this.fingerprint) {
      this.key = `web-${randomToken(18)}`;
      this.fingerprint = fingerprint;
    }
    return this.key;
  }
}

function fingerprintOf(draft: ReportDraft): string {
  return JSON.stringify({ ...draft, photos: draft.photos.map((f) => [f.name, f.size, f.lastModified, f.type]) });
}

/** The draft as the multipart form the API reads (nested fields in bracket notation). */
export function toFormData(draft: ReportDraft): FormData {
  const form = new FormData();
  form.set('category', draft.category ?? '');
  form.set('title', draft.title.trim());
  form.set('description', draft.description.trim());
  form.set('lat', String(draft.location?.lat ?? ''));
  form.set('lon', String(draft.location?.lon ?? ''));
  if (draft.address.trim()) form.set('address', draft.address.trim());
  form.set('reporter[name]', draft.name.trim());
  form.set('reporter[email]', draft.email.trim());
  if (draft.phone.trim()) form.set('reporter[phone]', draft.phone.trim());
  form.set('reporter[showName]', String(draft.showName));
  form.set('consent', String(draft.consent));
  for (const photo of draft.photos) form.append('photos', photo, photo.name);
  return form;
}

/**
 * Sends the report. With the session's CSRF token the API files it for the signed-in citizen and
 * publishes it at once; without a session it waits for the confirmation link mailed to the reporter.
 */
export function submitReport(draft: ReportDraft, idempotencyKey: string, csrfToken: string | null): Promise<FiledReportFeature> {
  // The client sends the page's language, not the browser's: the confirmation mail is written in it.
  return apiRequest<FiledReportFeature>('/api/v1/reports', {
    method: 'POST',
    form: toFormData(draft),
    idempotencyKey,
    // Without a session the report is filed anonymously, whatever token the client holds.
    ...(csrfToken ? { headers: { [CSRF_HEADER]: csrfToken } } : { anonymous: true }),
  });
}

/** Where the form goes once the report is filed: the reference, and whether the reporter must check their email. */
export function sentPath(report: FiledReportFeature): string {
  const path = `/new/sent/${encodeURIComponent(report.properties.ref)}`;
  return report.awaitingConfirmation ? `${path}?confirm=email` : path;
}
