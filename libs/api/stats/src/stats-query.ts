import { DomainError } from '@plaza/api/http';

export const STATS_MONTHS = { default: 12, max: 36 } as const;

/** `months`: how many calendar months back, this one included (1–36, default 12). */
export function parseStatsQuery(query: Record<string, unknown>): { months: number } {
  const raw = query['months'];
  if (raw === undefined || raw === '') return { months: STATS_MONTHS.default };
  if (typeof raw !== 'string')
    throw DomainError.invalidQuery('months', 'months may be given once', 'repeated');
  const months = /^\d{1,2}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(months >= 1 && months <= STATS_MONTHS.max)) {
    throw DomainError.invalidQuery('months', `months must be a whole number from 1 to ${STATS_MONTHS.max}`);
  }
  return { months };
}
