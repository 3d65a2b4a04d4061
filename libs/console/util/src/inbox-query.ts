// The inbox's state lives in the URL (?queue=&category=&q=…) so a filtered view can be reloaded,
// bookmarked and shared between colleagues. Unknown or malformed values are dropped, not sent.
import { CASE_AGES, CASE_QUEUES, CASE_SORTS, type CaseAge, type CaseInboxQuery, type CaseQueue, type CaseSort } from '@plaza/shared/contracts';

export const INBOX_FILTERS = ['category', 'area', 'department', 'status', 'age', 'q'] as const;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

function text(raw: string | null, max = 200): string | undefined {
  const value = raw?.trim();
  return value ? value.slice(0, max) : undefined;
}

export function parseInboxQuery(search: string): CaseInboxQuery {
  const params = new URLSearchParams(search);
  const query: CaseInboxQuery = {
    queue: oneOf<CaseQueue>(CASE_QUEUES, params.get('queue')),
    category: text(params.get('category'), 64),
    area: text(params.get('area'), 64),
    department: text(params.get('department'), 64),
    status: text(params.get('status'), 200),
    age: oneOf<CaseAge>(CASE_AGES, params.get('age')),
    q: text(params.get('q')),
    sort: oneOf<CaseSort>(CASE_SORTS, params.get('sort')),
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as CaseInboxQuery;
}

/** Search string for the query, defaults left out (queue `all`, sort `newest`), `lang` kept. */
export function inboxSearch(query: CaseInboxQuery, lang?: string): string {
  const params = new URLSearchParams();
  if (query.queue && query.queue !== 'all') params.set('queue', query.queue);
  for (const key of INBOX_FILTERS) {
    const value = query[key];
    if (value) params.set(key, String(value));
  }
  if (query.sort && query.sort !== 'newest') params.set('sort', query.sort);
  if (lang) params.set('lang', lang);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** How many filters narrow the list (the queue and sort are not filters). */
export function activeFilterCount(query: CaseInboxQuery): number {
  return INBOX_FILTERS.filter((key) => Boolean(query[key])).length;
}

/** The case open beside the list in the inbox's split view (`?case=2026-000123`), if any. */
export function selectedCaseOf(search: string): string | null {
  const ref = new URLSearchParams(search).get('case')?.trim();
  return ref && /^[\w-]{1,40}$/.test(ref) ? ref : null;
}
