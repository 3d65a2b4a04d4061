import type { CategoryView, Locale, MapSettings } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { fetchOnce, forget, useCachedJson, type Loaded } from './cached';

export const categoriesUrl = (locale: Locale) => `/api/v1/categories?lang=${locale}`;
export const settingsUrl = (locale: Locale) => `/api/v1/map/settings?lang=${locale}`;
export const AREAS_URL = '/api/v1/areas';

export function useCategories(reloadKey = 0): Loaded<CategoryView[]> {
  const { locale } = useT();
  return useCachedJson<CategoryView[]>(categoriesUrl(locale), reloadKey);
}

export function forgetCategories(locale: Locale): void {
  forget(categoriesUrl(locale));
}

export function useMapSettings(): Loaded<MapSettings> {
  const { locale } = useT();
  return useCachedJson<MapSettings>(settingsUrl(locale));
}

export function loadAreas(): Promise<GeoJSON.FeatureCollection> {
  return fetchOnce<GeoJSON.FeatureCollection>(AREAS_URL);
}

export function loadSettings(locale: Locale): Promise<MapSettings> {
  return fetchOnce<MapSettings>(settingsUrl(locale));
}
