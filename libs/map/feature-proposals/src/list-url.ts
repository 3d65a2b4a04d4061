import {
  PROPOSAL_SORTS,
  PROPOSAL_STATUSES,
  type ProposalSort,
  type ProposalStatus,
} from '@plaza/shared/contracts';

/** What the proposals list shows, kept in the URL so a search can be shared and survives a reload. */
export interface ListFilters {
  q: string;
  sort: ProposalSort | '';
  status: ProposalStatus | '';
  theme: string;
}

const PUBLIC_STATUSES = PROPOSAL_STATUSES.filter((s) => s !== 'hidden');

export function parseListFilters(search: string): ListFilters {
  const params = new URLSearchParams(search);
  const sort = params.get('sort') ?? '';
  const status = params.get('status') ?? '';
  return {
    q: (params.get('q') ?? '').trim(),
    sort: (PROPOSAL_SORTS as readonly string[]).includes(sort) ? (sort as ProposalSort) : '',
    status: (PUBLIC_STATUSES as readonly string[]).includes(status) ? (status as ProposalStatus) : '',
    theme: params.get('theme') ?? '',
  };
}

/** The page's own path, with only the filters that differ from the defaults. */
export function listHref(filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.status) params.set('status', filters.status);
  if (filters.theme) params.set('theme', filters.theme);
  const query = params.toString();
  return query ? `/proposals?${query}` : '/proposals';
}

/** The API query for one page of the list; `nearest` without a known position falls back to the default order. */
export function apiQuery(
  filters: ListFilters,
  offset: number,
  limit: number,
  position: { lat: number; lon: number } | null,
): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.sort === 'nearest') {
    if (position) {
      params.set('sort', 'nearest');
      params.set('lat', position.lat.toFixed(6));
      params.set('lon', position.lon.toFixed(6));
    }
  } else if (filters.sort) {
    params.set('sort', filters.sort);
  }
  if (filters.status) params.set('status', filters.status);
  if (filters.theme) params.set('theme', filters.theme);
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return params.toString();
}
