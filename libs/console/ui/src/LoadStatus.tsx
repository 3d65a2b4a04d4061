import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, StatusMessage } from '@plaza/web/ui';
import { isRetryable, type Loaded, requestErrorMessage } from '@plaza/console/util';

/** The loading/failed line above a table: a live region while loading, an alert with Retry on failure that may pass. */
export function LoadStatus({ state, onRetry }: { state: Loaded<unknown>; onRetry(): void }) {
  const { t } = useT();
  return (
    <>
      <StatusMessage>{state.status === 'loading' && state.data === null ? t('console.loading') : null}</StatusMessage>
      {state.status === 'error' && (
        <AlertMessage>
          {requestErrorMessage(t, state.error)}{' '}
          {isRetryable(state.error) && (
            <Button variant="link" onClick={onRetry}>
              {t('console.retry')}
            </Button>
          )}
        </AlertMessage>
      )}
    </>
  );
}
