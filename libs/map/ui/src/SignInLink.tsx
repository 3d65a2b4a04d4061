import { useT, type TranslationKey } from '@plaza/web/i18n';
import './proposal-bits.css';
import { signInHref } from '@plaza/map/util';

/**
 * Actions that need a session point here; the sign-in page brings the visitor back afterwards.
 * `message` says which actions: a report's comments must not say "support", which anyone may do
 * without an account ("I've seen it too").
 */
export function SignInLink({ message = 'proposal.signInTo' }: { message?: TranslationKey }) {
  const { t } = useT();
  return (
    <p className="proposal-signin">
      <a href={signInHref()}>{t(message)}</a>
    </p>
  );
}
