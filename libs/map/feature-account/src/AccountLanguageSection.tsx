import { isLocale, LOCALES, type Locale } from '@plaza/shared/contracts';
import { LOCALE_NAMES, useT } from '@plaza/web/i18n';
import { AlertMessage, Button, SelectField, StatusMessage } from '@plaza/web/ui';
import { useSession } from '@plaza/web/session';
import { useEffect, useState } from 'react';

/**
 * The language stored in the account: the one Plaza's mails and notifications use. The language
 * switch at the top stores it too; here a citizen sees which one it is and can set it on its own
 * (e.g. read the site in Spanish, receive mails in Basque).
 */
export function AccountLanguageSection({ className }: { className?: string }) {
  const { t } = useT();
  const { state, saveAccountLocale } = useSession();
  const stored = state.status === 'signedIn' && isLocale(state.session.user.locale) ? state.session.user.locale : 'es';
  const [choice, setChoice] = useState<Locale>(stored);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The switch at the top may store another language meanwhile: show what is stored.
  useEffect(() => setChoice(stored), [stored]);

  const save = async () => {
    setSaving(true);
    setMessage(null);
    setError(null);
    try {
      await saveAccountLocale(choice);
      setMessage(t('languages.account.saved', { language: LOCALE_NAMES[choice] }));
    } catch {
      setError(t('languages.account.saveError'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={className} aria-labelledby="account-language-heading">
      <h2 id="account-language-heading">{t('languages.account.heading')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <SelectField
          id="account-language"
          label={t('languages.account.label')}
          hint={t('languages.account.hint')}
          value={choice}
          options={LOCALES.map((option) => ({ value: option, label: LOCALE_NAMES[option] }))}
          onChange={(event) => isLocale(event.target.value) && setChoice(event.target.value)}
        />
        <Button type="submit" busy={saving}>
          {t('languages.account.save')}
        </Button>
      </form>
      <StatusMessage>{message}</StatusMessage>
      <AlertMessage>{error}</AlertMessage>
    </section>
  );
}
