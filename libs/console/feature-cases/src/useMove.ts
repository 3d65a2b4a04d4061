import type { CaseDetail, CaseMoveResult } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { useCallback, useState } from 'react';
import { requestErrorMessage } from '@plaza/console/util';
import type { OwnChanges } from './useOwnChanges';

export interface CaseMoves {
  busy: boolean;
  /** The last failure, worded for people; shown as an alert by the panel that ran the move. */
  error: string | null;
  /**
   * Runs a move; on success the case view takes the updated case and announces `done` (or "sent for
   * approval" when the API kept it as a draft). Resolves true on success.
   */
  run(action: () => Promise<CaseMoveResult | undefined>, done: string): Promise<boolean>;
}

/**
 * `onCase(null, …)` means the answer had no case in it: reload it. `own` records the move's change so
 * the live stream does not report it back as someone else's.
 */
export function useMove(onCase: (detail: CaseDetail | null, message: string) => void, own?: OwnChanges): CaseMoves {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<CaseMoveResult | undefined>, done: string) => {
      setBusy(true);
      setError(null);
      own?.begin();
      let updatedAt: string | null = null;
      try {
        const result = await action();
        updatedAt = result?.case.updatedAt ?? null;
        onCase(result?.case ?? null, result?.outcome === 'sent_for_approval' ? t('cases.move.sentForApproval') : done);
        return true;
      } catch (failure) {
        setError(requestErrorMessage(t, failure));
        return false;
      } finally {
        own?.end(updatedAt);
        setBusy(false);
      }
    },
    [onCase, own, t],
  );
  return { busy, error, run };
}
