import { LIST_LIMITS } from '@plaza/shared/contracts';
import { DomainError } from '@plaza/api/http';
import { parseReportFilters, single, type ReportFilters } from './report-filters.query';

export interface ReportListQuery extends ReportFilters {
  limit: number;
  afterId: string | null;
}

export function parseListQuery(raw: Record<string, unknown>): ReportListQuery {
  const filters = parseReportFilters(raw);
  const limitRaw = single(raw, 'limit');
  let limit: number = LIST_LIMITS.default;
  if (limitRaw !== undefined) {
    limit = Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMITS.max) {
      throw DomainError.invalidQuery('limit', `limit must be an integer from 1 to ${LIST_LIMITS.max}`);
    }
  }
  const cursor = single(raw, 'cursor');
  return { ...filters, limit, afterId: cursor ? decodeCursor(cursor) : null };
}

export function encodeCursor(id: string): string {
  return Buffer.from(`r:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^r:(\d{1,18})$/.exec(decoded);
  if (!match?.[1]) throw DomainError.invalidQuery('cursor', 'cursor is not one this API issued');
  return match[1];
}
