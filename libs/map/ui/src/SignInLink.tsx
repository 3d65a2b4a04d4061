import { useT } from '@plaza/web/i18n';
import './proposal-bits.css';
import { signInHref } from '@plaza/map/util';

/** Actions that need a session point here; the sign-in page brings the visitor back afterwards. */
export function SignInLink() {
  const { t } = useT();
  return (
    <p className="proposal-signin">
      <a href={signInHref()}>{t('proposal.signInTo')}</a>
    </p>
  );
}
