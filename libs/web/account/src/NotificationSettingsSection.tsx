import type { NotificationSettings } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { AlertMessage, CheckboxField, StatusMessage } from '@plaza/web/ui';
import { useEffect, useState } from 'react';

type State = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; settings: NotificationSettings };

/**
 * The account-wide switch for update emails, on the map's and the console's account pages. A change
 * is saved at once and said in a live region; a failed save puts the box back as it was and says so
 * as an alert.
 */
export function NotificationSettingsSection({
  load,
  save,
  className,
}: {
  load: (signal: AbortSignal) => Promise<NotificationSettings>;
  save: (settings: NotificationSettings) => Promise<NotificationSettings>;
  className?: string;
}) {
  const { t } = useT();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (settings) => setState({ status: 'ready', settings }),
      (reason: unknown) => {
        if (!(reason instanceof DOMException && reason.name === 'AbortError')) setState({ status: 'failed' });
      },
    );
    return () => controller.abort();
  }, [load]);

  const change = async (emailNotifications: boolean) => {
    if (state.status !== 'ready') return;
    const before = state.settings;
    setState({ status: 'ready', settings: { emailNotifications } });
    setSaving(true);
    setMessage(null);
    setError(null);
    try {
      const saved = await save({ emailNotifications });
      setState({ status: 'ready', settings: saved });
      setMessage(t(saved.emailNotifications ? 'notifications.settings.savedOn' : 'notifications.settings.savedOff'));
    } catch {
      setState({ status: 'ready', settings: before });
      setError(t('notifications.settings.saveError'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={className} aria-labelledby="notification-settings-heading">
      <h2 id="notification-settings-heading">{t('notifications.settings.heading')}</h2>
      {state.status === 'loading' && <p>{t('notifications.settings.loading')}</p>}
      {state.status === 'failed' && <p>{t('notifications.settings.loadError')}</p>}
      {state.status === 'ready' && (
        <CheckboxField
          id="notification-settings-email"
          label={t('notifications.settings.label')}
          hint={t('notifications.settings.hint')}
          checked={state.settings.emailNotifications}
          disabled={saving}
          onChange={(event) => void change(event.target.checked)}
        />
      )}
      <StatusMessage>{message}</StatusMessage>
      <AlertMessage>{error}</AlertMessage>
    </section>
  );
}
