import { LIST_LIMITS, isReportStatus, isPublicStatus, type ReportStatus } from '@plaza/shared/contracts';
import { parseBBox, type BBox } from '@plaza/shared/geo';
import { DomainError } from '@plaza/api/http';

export interface ReportListQuery {
  bbox: BBox | null;
  categories: string[];
  statuses: ReportStatus[];
  limit: number;
  afterId: string | null;
}

/** Query strings are parsed by hand: each parameter has its own error, named by field. */
export function parseListQuery(raw: Record<string, unknown>): ReportListQuery {
  const bboxRaw = single(raw, 'bbox');
  let bbox: BBox | null = null;
  if (bboxRaw !== undefined) {
    const parsed = parseBBox(bboxRaw);
    if (!parsed.ok) throw DomainError.invalidQuery('bbox', `bbox: ${parsed.reason}`);
    bbox = parsed.bbox;
  }
  const categories = list(raw, 'category');
  const statuses = list(raw, 'status');
  for (const status of statuses) {
    if (!isReportStatus(status) || !isPublicStatus(status)) {
      throw DomainError.invalidQuery('status', `status "${status}" is not a public report status`, 'not_allowed');
    }
  }
  const limitRaw = single(raw, 'limit');
  let limit: number = LIST_LIMITS.default;
  if (limitRaw !== undefined) {
    limit = Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMITS.max) {
      throw DomainError.invalidQuery('limit', `limit must be an integer from 1 to ${LIST_LIMITS.max}`);
    }
  }
  const cursor = single(raw, 'cursor');
  return { bbox, categories, statuses: statuses as ReportStatus[], limit, afterId: cursor ? decodeCursor(cursor) : null };
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

function single(raw: Record<string, unknown>, name: string): string | undefined {
  const value = raw[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw DomainError.invalidQuery(name, `${name} must be given once`);
  return value;
}

/** `?category=a,b` and `?category=a&category=b` both work. */
function list(raw: Record<string, unknown>, name: string): string[] {
  const value = raw[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}
