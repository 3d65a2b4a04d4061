import type { StyleFinding } from '@plaza/shared/moderation';
import type { Translator } from '@plaza/web/i18n';

/** A style-guide finding in the reader's words: the case replies and the proposal answers say the same. */
export function findingText(t: Translator['t'], finding: StyleFinding): string {
  switch (finding.rule) {
    case 'greeting':
      return t('cases.style.greeting');
    case 'closing':
      return t('cases.style.closing');
    case 'too_short':
      return t('cases.style.tooShort', finding.params);
    case 'too_long':
      return t('cases.style.tooLong', finding.params);
    case 'jargon':
      return t('cases.style.jargon', finding.params);
    case 'shouting':
      return t('cases.style.shouting', finding.params);
    case 'readability':
      return t('cases.style.readability', finding.params);
  }
}
