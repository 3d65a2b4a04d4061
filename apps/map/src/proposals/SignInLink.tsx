import { useT } from '@plaza/web/i18n';
import { signInHref } from './api';

/** Actions that need a session point here; the sign-in page brings the visitor back afterwards. */
export function SignInLink() {
  const { t } = useT();
  return (
    <p className="proposal-signin">
      <a href={signInHref()}>{t('proposal.signInTo')}</a>
    </p>
  );
}
