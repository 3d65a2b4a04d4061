import type { ReportDetailFeature } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { useEffect, useState } from 'react';
import { ApiError, getJson, isAbort } from '@plaza/web/api-client';

export type ReportState =
  | { state: 'loading' }
  | { state: 'ready'; report: ReportDetailFeature }
  | { state: 'not-found' }
  | { state: 'error' };

/** One public report in the page's language (department names are translated by the API). */
export function useReport(ref: string, reloadKey = 0): ReportState {
  const { locale } = useT();
  const [result, setResult] = useState<ReportState>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    getJson<ReportDetailFeature>(`/api/v1/reports/${encodeURIComponent(ref)}?lang=${locale}`, controller.signal).then(
      (report) => setResult({ state: 'ready', report }),
      (error: unknown) => {
        if (isAbort(error)) return;
        setResult(error instanceof ApiError && error.status === 404 ? { state: 'not-found' } : { state: 'error' });
      },
    );
    return () => controller.abort();
  }, [ref, locale, reloadKey]);
  return result;
}
