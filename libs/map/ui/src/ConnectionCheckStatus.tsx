import { useT } from '@plaza/web/i18n';

/**
 * The short "checking…" line shown while the browser solves the API's proof of work (after many
 * requests from one connection). The live region is always in the page, so screen readers announce
 * the text when it appears; it is empty the rest of the time.
 */
export function ConnectionCheckStatus({ checking }: { checking: boolean }) {
  const { t } = useT();
  return (
    <div role="status" className={checking ? 'connection-check connection-check--active' : 'connection-check'}>
      {checking ? t('challenge.checking') : null}
    </div>
  );
}
