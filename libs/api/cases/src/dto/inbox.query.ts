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
  /** Where the previous page ended (keyset paging), or null for the first page. */
  after: InboxCursor | null;
  limit: number;
}

/**
 * A keyset cursor: the sort it belongs to and the sort key of the last row given (as text, exactly
 * as PostgreSQL wrote it). The next page starts strictly after that key, so cases arriving or
 * moving while someone pages never shift rows between pages the way an offset did.
 */
export interface InboxCursor {
  sort: CaseSort;
  key: string[];
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

/** How PostgreSQL writes a timestamptz as text (or 'infinity': no due date), and an id or rank. */
const TIMESTAMP = /^(infinity|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?)$/;
const INTEGER = /^\d{1,19}$/;
/** The parts of each sort's key, in order (see SORT_KEYS in cases.repository.ts). */
const CURSOR_SHAPES: Record<CaseSort, RegExp[]> = {
  newest: [TIMESTAMP, INTEGER],
  oldest: [TIMESTAMP, INTEGER],
  due: [TIMESTAMP, INTEGER],
  priority: [INTEGER, TIMESTAMP, INTEGER],
  updated: [TIMESTAMP, INTEGER],
};

export function encodeInboxCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.key })).toString('base64url');
}

function decodeCursor(raw: string | null, sort: CaseSort): InboxCursor | null {
  if (raw === null) return null;
  const refuse = () => DomainError.invalidQuery('cursor', 'cursor is not one this API gave out for this sort');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  const { s, k } = (parsed ?? {}) as { s?: unknown; k?: unknown };
  const shape = CURSOR_SHAPES[sort];
  if (s !== sort || !Array.isArray(k) || k.length !== shape.length) throw refuse();
  // Checked here so a forged cursor is a 400, never a database error.
  if (!k.every((part, i): part is string => typeof part === 'string' && (shape[i] as RegExp).test(part))) throw refuse();
  return { sort, key: k };
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
  const sort = oneOf(query, 'sort', CASE_SORTS, 'newest');
  return {
    queue: oneOf(query, 'queue', CASE_QUEUES, 'all'),
    category: text(query, 'category', 64),
    area: text(query, 'area', 64),
    department: department?.toLowerCase() ?? null,
    statuses: statuses as ReportStatus[],
    age: oneOf(query, 'age', CASE_AGES, null),
    q: text(query, 'q', 200),
    sort,
    after: decodeCursor(text(query, 'cursor', 400), sort),
    limit,
  };
}
