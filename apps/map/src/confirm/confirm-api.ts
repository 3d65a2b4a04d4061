import type { ReportConfirmationResult } from '@plaza/shared/contracts';
import { ApiError, apiRequest } from '@plaza/web/api-client';

export type ConfirmOutcome =
  | { kind: 'confirmed'; result: ReportConfirmationResult }
  | { kind: 'expired' }
  | { kind: 'unknown' }
  | { kind: 'network' };

/**
 * Follows the emailed link: no session needed, the token is the proof. The API answers the same
 * for a second click, so a retry after a lost answer is safe.
 */
export async function confirmReport(token: string): Promise<ConfirmOutcome> {
  try {
    const result = await apiRequest<ReportConfirmationResult>(`/api/v1/reports/confirm/${encodeURIComponent(token)}`, {
      method: 'POST',
      anonymous: true,
    });
    return { kind: 'confirmed', result };
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
      return error.problem?.code === 'REPORT.CONFIRMATION_EXPIRED' ? { kind: 'expired' } : { kind: 'unknown' };
    }
    return { kind: 'network' };
  }
}
