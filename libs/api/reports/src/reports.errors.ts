import { DomainError } from '@plaza/api/http';

/** About what a backlog at the limit takes to shrink by a useful fraction on two cores. */
const PHOTO_QUEUE_RETRY_AFTER_SECONDS = 120;

/** 503 with Retry-After: the photo queue is over PHOTO_QUEUE_MAX; nothing of the request was kept. */
export class PhotoQueueFullError extends DomainError {
  readonly retryAfterSeconds = PHOTO_QUEUE_RETRY_AFTER_SECONDS;

  constructor() {
    super(
      'PHOTO.QUEUE_FULL',
      'unavailable',
      'Too many photos are waiting to be processed right now. Try again in a few minutes, or file the report without photos.',
      [{ field: 'photos', code: 'queue_full', message: 'Photos cannot be accepted right now.' }],
    );
  }
}

export const ReportErrors = {
  unknownCategory: (code: string) =>
    new DomainError(
      'REQUEST.VALIDATION',
      'validation',
      'The category does not exist.',
      [{ field: 'category', code: 'unknown_category', message: `There is no active category "${code}".` }],
      { key: 'problem.detail.unknownCategory' },
    ),
  outsideAreas: () =>
    new DomainError(
      'REPORT.OUTSIDE_AREAS',
      'validation',
      'The location is outside every area this city handles.',
      [
        { field: 'lat', code: 'outside_areas', message: 'This point is outside the city.' },
        { field: 'lon', code: 'outside_areas', message: 'This point is outside the city.' },
      ],
      { key: 'problem.detail.outsideAreas' },
    ),
  confirmationNotFound: () =>
    new DomainError(
      'REPORT.CONFIRMATION_NOT_FOUND',
      'not_found',
      'This confirmation link is not valid: it may be mistyped, or its report was deleted after the link expired.',
      [],
      { key: 'problem.detail.confirmationNotFound' },
    ),
  confirmationExpired: () =>
    new DomainError(
      'REPORT.CONFIRMATION_EXPIRED',
      'not_found',
      'This confirmation link has expired: the report was not confirmed in time and will be deleted. File it again.',
      [],
      { key: 'problem.detail.confirmationExpired' },
    ),
  notFound: (ref: string) =>
    new DomainError('REPORT.NOT_FOUND', 'not_found', `No public report with reference ${ref}.`, [], { key: 'problem.detail.reportNotFound', values: { ref } }),
  invalidPhoto: (index: number, reason: string) =>
    new DomainError(
      'REQUEST.VALIDATION',
      'validation',
      'A photo could not be accepted.',
      [{ field: `photos[${index}]`, code: reason, message: PHOTO_MESSAGES[reason] ?? 'This file is not a usable photo.' }],
      { key: 'problem.detail.invalidPhoto' },
    ),
  photoQueueFull: () => new PhotoQueueFullError(),
  tooManyPhotos: (max: number) =>
    DomainError.validation([{ field: 'photos', code: 'too_many', message: `At most ${max} photos per report.` }]),
  idempotencyKeyReused: () =>
    new DomainError(
      'IDEMPOTENCY.KEY_REUSED',
      'validation',
      'This Idempotency-Key was already used for a different request.',
      [{ field: 'Idempotency-Key', code: 'reused', message: 'Use a new key for a new report.' }],
    ),
  idempotentReportGone: () =>
    new DomainError(
      'IDEMPOTENCY.REPORT_GONE',
      'conflict',
      'The report filed with this Idempotency-Key no longer exists.',
      [{ field: 'Idempotency-Key', code: 'gone', message: 'Send the report again with a new key.' }],
    ),
  invalidIdempotencyKey: () =>
    DomainError.validation([
      { field: 'Idempotency-Key', code: 'invalid_format', message: 'Use 1 to 255 visible ASCII characters.' },
    ]),
};

const PHOTO_MESSAGES: Record<string, string> = {
  not_an_image: 'This file is not an image.',
  unsupported_format: 'Only JPEG, PNG and WebP photos are accepted.',
  too_large: 'This photo is larger than allowed.',
};
