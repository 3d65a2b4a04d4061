/**
 * A report's public reference: the year it was filed, a dash, and its number from a sequence that
 * never resets, zero-padded to six digits and growing past them (2026-000123, 2026-999999,
 * 2026-1000000). See docs/decisions/0010-report-references.md. Every place that checks the shape of
 * a reference uses this pattern, so references of any width keep working everywhere.
 */
export const REPORT_REF_PATTERN = /^\d{4}-\d{6,18}$/;

export function isReportRef(value: unknown): value is string {
  return typeof value === 'string' && REPORT_REF_PATTERN.test(value);
}
