import { useT } from '@plaza/web/i18n';

/** "3" on screen, "3 unread notifications" to a screen reader: a count is never a bare number. */
export function UnreadBadge({ count }: { count: number | null }) {
  const { t } = useT();
  if (!count) return null;
  return (
    <>
      <span className="visually-hidden">, {t('inbox.unread', { count })}</span>
      <span className="inbox-count" aria-hidden="true">
        {count}
      </span>
    </>
  );
}
