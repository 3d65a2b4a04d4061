import { useT } from '@plaza/web/i18n';

/** A boolean cell in words, never by colour or icon alone. */
export function YesNo({ value }: { value: boolean }) {
  const { t } = useT();
  return <>{value ? t('console.yes') : t('console.no')}</>;
}
