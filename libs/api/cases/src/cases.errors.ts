import { DomainError } from '@plaza/api/http';
import type { ReportStatus } from '@plaza/shared/contracts';

export const CaseErrors = {
  notFound: (ref: string) => new DomainError('CASE.NOT_FOUND', 'not_found', `No case with reference ${ref}.`),
  forbidden: (why: string) => new DomainError('AUTH.FORBIDDEN', 'forbidden', why),
  invalidTransition: (from: ReportStatus, to: ReportStatus) =>
    new DomainError('CASE.INVALID_TRANSITION', 'conflict', `A case cannot move from ${from} to ${to}.`),
  field: (field: string, code: string, message: string) => DomainError.validation([{ field, code, message }], message),
  outsideAreas: () =>
    new DomainError('CASE.OUTSIDE_AREAS', 'validation', 'The location is outside every area this city handles.', [
      { field: 'lat', code: 'outside_areas', message: 'This point is outside the city.' },
      { field: 'lon', code: 'outside_areas', message: 'This point is outside the city.' },
    ]),
  awaitingModeration: () =>
    new DomainError(
      'CASE.AWAITING_MODERATION',
      'conflict',
      'This case is still awaiting moderation: a community manager publishes or hides it before a department works on it.',
    ),
  draftNotFound: () => new DomainError('DRAFT.NOT_FOUND', 'not_found', 'No such draft reply on this case.'),
  draftDecided: () => new DomainError('DRAFT.ALREADY_DECIDED', 'conflict', 'This draft was already approved or rejected.'),
  photoNotFound: () => new DomainError('PHOTO.NOT_FOUND', 'not_found', 'No such photo on this case.'),
  holidayNotFound: () => new DomainError('HOLIDAY.NOT_FOUND', 'not_found', 'No such holiday.'),
  holidayTaken: () =>
    new DomainError('HOLIDAY.DUPLICATE', 'conflict', 'A holiday of this scope already exists on that date.'),
  departmentNotFound: () => new DomainError('DEPARTMENT.NOT_FOUND', 'not_found', 'No such department.'),
  templateNotFound: () => new DomainError('TEMPLATE.NOT_FOUND', 'not_found', 'No such active template.'),
  heldForReview: () =>
    new DomainError('SCREENING.HELD', 'conflict', 'Screening held this case for personal data: open it to review the text before publishing.'),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A path id that cannot be a uuid names nothing: 404 rather than a database type error. */
export function requireUuid(id: string, notFound: () => DomainError): string {
  if (!isUuid(id)) throw notFound();
  return id.toLowerCase();
}
