import { DomainError } from '@plaza/api/http';
import {
  CASE_AGES,
  CASE_QUEUES,
  CASE_SORTS,
  isReportStatus,
  type CaseAge,
  type CaseQueue,
  type CaseSort,
  type ReportStatus,
} from '@plaza/shared/contracts';

export interface InboxFilter {
  queue: CaseQueue;
  category: string | null;
  area: string | null;
  department: string | null;
  statuses: ReportStatus[];
  age: CaseAge | null;
  q: string | null;
  sort: CaseSort;
  offset: number;
  limit: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(query: Record<string, unknown>, name: string, max: number): string | null {
  const raw = query[name];
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string') throw DomainError.invalidQuery(name, `${name} must be given once`);
  const value = raw.trim();
  if (value.length > max) throw DomainError.invalidQuery(name, `${name} is longer than ${max} characters`, 'too_long');
  return value || null;
}

function oneOf<T extends string>(query: Record<string, unknown>, name: string, allowed: readonly T[], fallback: T): T;
function oneOf<T extends string>(query: Record<string, unknown>, name: string, allowed: readonly T[], fallback: null): T | null;
function oneOf<T extends string>(query: Record<string, unknown>, name: string, allowed: readonly T[], fallback: T | null): T | null {
  const value = text(query, name, 40);
  if (value === null) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw DomainError.invalidQuery(name, `${name} must be one of ${allowed.join(', ')}`, 'not_allowed');
  }
  return value as T;
}

/** The cursor is an opaque offset: the inbox is sorted many ways and staff page a few screens at most. */
export function encodeInboxCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(raw: string | null): number {
  if (raw === null) return 0;
  const match = /^o:(\d{1,7})$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!match) throw DomainError.invalidQuery('cursor', 'cursor is not one this API gave out');
  return Number(match[1]);
}

/** GET /api/v1/staff/cases query string → a checked filter; 400 naming the parameter otherwise. */
export function parseInboxQuery(query: Record<string, unknown>): InboxFilter {
  const department = text(query, 'department', 36);
  if (department !== null && !UUID.test(department)) {
    throw DomainError.invalidQuery('department', 'department must be a department id');
  }
  const statuses = (text(query, 'status', 400) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = statuses.filter((s) => !isReportStatus(s));
  if (unknown.length) throw DomainError.invalidQuery('status', `Unknown status ${unknown.join(', ')}`, 'not_allowed');
  const rawLimit = text(query, 'limit', 4);
  const limit = rawLimit === null ? 50 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw DomainError.invalidQuery('limit', 'limit must be an integer between 1 and 100');
  }
  return {
    queue: oneOf(query, 'queue', CASE_QUEUES, 'all'),
    category: text(query, 'category', 64),
    area: text(query, 'area', 64),
    department: department?.toLowerCase() ?? null,
    statuses: statuses as ReportStatus[],
    age: oneOf(query, 'age', CASE_AGES, null),
    q: text(query, 'q', 200),
    sort: oneOf(query, 'sort', CASE_SORTS, 'newest'),
    offset: decodeCursor(text(query, 'cursor', 40)),
    limit,
  };
}
