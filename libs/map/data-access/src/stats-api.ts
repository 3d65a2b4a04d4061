import type {
  AreaStatsView,
  CityStatsView,
  DepartmentStatsView,
  Locale,
  ReportDepartmentStatsView,
  ServiceTargetsView,
} from '@plaza/shared/contracts';
import { getJson } from '@plaza/web/api-client';

// The public figures (docs/statistics.md). Cached by the API and by HTTP (ETag, max-age=300).
const get = <T>(path: string, locale: Locale, signal?: AbortSignal) =>
  getJson<T>(`/api/v1/stats/${path}${path.includes('?') ? '&' : '?'}lang=${locale}`, signal);

export const statsApi = {
  city: (locale: Locale, signal?: AbortSignal) => get<CityStatsView>('city', locale, signal),
  area: (code: string, locale: Locale, signal?: AbortSignal) =>
    get<AreaStatsView>(`areas/${encodeURIComponent(code)}`, locale, signal),
  department: (code: string, locale: Locale, signal?: AbortSignal) =>
    get<DepartmentStatsView>(`departments/${encodeURIComponent(code)}`, locale, signal),
  service: (locale: Locale, signal?: AbortSignal) => get<ServiceTargetsView>('service', locale, signal),
  report: (ref: string, locale: Locale, signal?: AbortSignal) =>
    get<ReportDepartmentStatsView>(`reports/${encodeURIComponent(ref)}`, locale, signal),
};
