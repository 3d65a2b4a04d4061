import { useT } from '@plaza/web/i18n';
import { useFlagCount } from '@plaza/console/data-access';
import './FlagCountBadge.css';

/**
 * Beside "Flags" in the navigation: how many flagged items wait for a decision (open flags plus
 * review requests). Nothing is shown at zero; the number is read out with its meaning.
 */
export function FlagCountBadge() {
  const { t } = useT();
  const count = useFlagCount();
  const pending = count ? count.open + count.reviews : 0;
  if (pending === 0) return null;
  return (
    <>
      {' '}
      <span className="nav-count" aria-hidden="true">
        {pending}
      </span>
      <span className="visually-hidden">{t('participation.nav.pending', { count: pending })}</span>
    </>
  );
}
