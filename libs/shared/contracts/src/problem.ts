/** RFC 9457 problem details, as every Plaza 4xx/5xx answer carries them. */
export interface FieldError {
  /** Dotted path of the offending field in the request (`reporter.email`, `photos[1]`). */
  field: string;
  /** Stable, machine-readable reason (`required`, `invalid_email`, `too_long`…). */
  code: string;
  /** Human-readable explanation. */
  message: string;
  /** Screening refusals: the kinds of personal data found in the field (`phone`, `dni`…). */
  kinds?: string[];
  /** Screening refusals: the style-guide rules the field breaks (`greeting`, `too_short`…). */
  rules?: string[];
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Plaza's stable error code, e.g. `REPORT.OUTSIDE_AREAS`. */
  code: string;
  requestId?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
