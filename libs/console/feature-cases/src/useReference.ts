import type { CategoryView, DepartmentRef } from '@plaza/shared/contracts';
import { useEffect, useState } from 'react';
import { type AreaOption, casesApi, referenceApi } from '@plaza/console/data-access';

export interface ReferenceData {
  categories: CategoryView[];
  areas: AreaOption[];
  departments: DepartmentRef[];
}

const EMPTY: ReferenceData = { categories: [], areas: [], departments: [] };

/**
 * Categories, areas and departments for filters and pickers. Each list loads on its own: a failure
 * leaves that picker empty (the page still works by reference and search) instead of failing the page.
 */
export function useReference(locale: string): ReferenceData {
  const [data, setData] = useState<ReferenceData>(EMPTY);
  useEffect(() => {
    let current = true;
    const take = <K extends keyof ReferenceData>(key: K) => (value: ReferenceData[K]) => {
      if (current) setData((previous) => ({ ...previous, [key]: value }));
    };
    referenceApi.categories().then(take('categories'), () => undefined);
    referenceApi.areas().then(take('areas'), () => undefined);
    casesApi.departments().then(take('departments'), () => undefined);
    return () => {
      current = false;
    };
  }, [locale]);
  return data;
}
