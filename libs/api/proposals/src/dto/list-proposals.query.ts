import { DomainError } from '@plaza/api/http';
import {
  PROPOSAL_LIMITS,
  PROPOSAL_SORTS,
  isProposalStatus,
  type ProposalSort,
  type ProposalStatus,
} from '@plaza/shared/contracts';
import { isLatitude, isLongitude, parseBBox, type BBox } from '@plaza/shared/geo';

export interface ProposalListQuery {
  sort: ProposalSort;
  q: string | null;
  bbox: BBox | null;
  statuses: ProposalStatus[];
  themes: string[];
  areas: string[];
  near: { lat: number; lon: number } | null;
  limit: number;
  offset: number;
  /** Staff list of department staff: only proposals their departments answer. Null: no such limit. */
  departmentIds?: string[] | null;
}

/** Without a status filter the list shows what is alive or decided: not withdrawn, never hidden. */
export const DEFAULT_LIST_STATUSES: ProposalStatus[] = [
  'published',
  'under_evaluation',
  'accepted',
  'partially_accepted',
  'rejected',
  'in_execution',
  'completed',
];

const CODE = /^[a-z0-9][a-z0-9_-]{1,63}$/;

/** Parses the list's query string by hand, so each parameter gets its own 400 with its name. */
export function parseProposalListQuery(raw: Record<string, unknown>, options: { staff?: boolean } = {}): ProposalListQuery {
  const q = single(raw, 'q')?.trim() || null;
  if (q && q.length > 200) throw DomainError.invalidQuery('q', 'q must be at most 200 characters', 'too_long');

  const sortRaw = single(raw, 'sort');
  if (sortRaw !== undefined && !(PROPOSAL_SORTS as readonly string[]).includes(sortRaw)) {
    throw DomainError.invalidQuery('sort', `sort must be one of ${PROPOSAL_SORTS.join(', ')}`, 'not_allowed');
  }
  const sort = (sortRaw as ProposalSort | undefined) ?? (q ? 'relevance' : 'newest');
  if (sort === 'relevance' && !q) throw DomainError.invalidQuery('sort', 'sort=relevance needs q', 'required');

  let bbox: BBox | null = null;
  const bboxRaw = single(raw, 'bbox');
  if (bboxRaw !== undefined) {
    const parsed = parseBBox(bboxRaw);
    if (!parsed.ok) throw DomainError.invalidQuery('bbox', `bbox: ${parsed.reason}`);
    bbox = parsed.bbox;
  }

  const statusesRaw = list(raw, 'status');
  for (const status of statusesRaw) {
    if (!isProposalStatus(status) || (status === 'hidden' && !options.staff)) {
      throw DomainError.invalidQuery('status', `status "${status}" is not a public proposal status`, 'not_allowed');
    }
  }
  const statuses = statusesRaw.length ? (statusesRaw as ProposalStatus[]) : options.staff ? [] : DEFAULT_LIST_STATUSES;

  const themes = list(raw, 'theme');
  for (const theme of themes) if (!CODE.test(theme)) throw DomainError.invalidQuery('theme', `theme "${theme}" is not a theme code`);
  const areas = list(raw, 'area');
  for (const area of areas) if (!/^[\w-]{1,64}$/.test(area)) throw DomainError.invalidQuery('area', `area "${area}" is not an area code`);

  let near: ProposalListQuery['near'] = null;
  const latRaw = single(raw, 'lat');
  const lonRaw = single(raw, 'lon');
  if (latRaw !== undefined || lonRaw !== undefined || sort === 'nearest') {
    const lat = Number(latRaw);
    const lon = Number(lonRaw);
    if (latRaw === undefined || latRaw === '' || !isLatitude(lat)) {
      throw DomainError.invalidQuery('lat', 'lat must be a latitude between -90 and 90 (sort=nearest needs lat and lon)');
    }
    if (lonRaw === undefined || lonRaw === '' || !isLongitude(lon)) {
      throw DomainError.invalidQuery('lon', 'lon must be a longitude between -180 and 180 (sort=nearest needs lat and lon)');
    }
    near = { lat, lon };
  }

  const limit = integer(raw, 'limit', 20, 1, PROPOSAL_LIMITS.pageMax);
  const offset = integer(raw, 'offset', 0, 0, 100_000);
  return { sort, q, bbox, statuses, themes, areas, near, limit, offset };
}

function single(raw: Record<string, unknown>, name: string): string | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw DomainError.invalidQuery(name, `${name} must be given once`);
  return value;
}

function list(raw: Record<string, unknown>, name: string): string[] {
  const value = single(raw, name);
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((part) => part.trim()).filter(Boolean);
}

function integer(raw: Record<string, unknown>, name: string, fallback: number, min: number, max: number): number {
  const value = single(raw, name);
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw DomainError.invalidQuery(name, `${name} must be a whole number from ${min} to ${max}`, 'out_of_range');
  }
  return Number(value);
}
