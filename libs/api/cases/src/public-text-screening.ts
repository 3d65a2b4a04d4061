import { DomainError } from '@plaza/api/http';
import { SCREENING_PROBLEMS, type FieldError, type Locale, type ScreeningOverride } from '@plaza/shared/contracts';
import { blockingStyleFindings, detectPersonalData, kindsOf } from '@plaza/shared/moderation';
import { canModerate } from './case-access';
import type { CaseMove } from './case-move-runner';

export interface PublicTextCheck {
  /** The request field the text came from, named in a refusal (`body`, `message`). */
  field: string;
  text: string;
  /** Hold the text to the style guide's blocking rules too (replies, resolutions, approved drafts). */
  style: boolean;
  /** The reply's language for the style check; without it the text may pass in any site language. */
  language?: Locale;
  override?: ScreeningOverride;
}

/**
 * The server's own check of a staff member's public text, the same the console highlights with: the
 * style guide's blocking rules (422 `SCREENING.STYLE_RULES`, never overridable) and personal data
 * (422 `SCREENING.PERSONAL_DATA` naming the field and the kinds found). A community manager may
 * publish flagged text anyway (a city hall phone number is not a citizen's) with an explicit
 * override and a reason, recorded in the move's audit entry `case.screening_override`.
 */
export async function assertPublishable(move: CaseMove, check: PublicTextCheck): Promise<void> {
  const errors: FieldError[] = [];
  const kinds = kindsOf(detectPersonalData(check.text));
  const overriding = kinds.length > 0 && check.override !== undefined;
  if (overriding && !canModerate(move.user)) {
    errors.push({ field: 'override', code: 'not_allowed', message: 'Only community managers may publish text with personal data.' });
  } else if (kinds.length > 0 && !overriding) {
    errors.push({
      field: check.field,
      code: 'personal_data',
      message: `The text contains personal data (${kinds.join(', ')}). Remove it, or a community manager may override with a reason.`,
      kinds,
    });
  }
  if (check.style) {
    const rules = blockingStyleFindings(check.text, check.language).map((f) => f.rule);
    if (rules.length > 0) {
      errors.push({ field: check.field, code: 'style_rules', message: `The text breaks the style guide: ${rules.join(', ')}.`, rules });
    }
  }
  if (errors.length > 0) {
    const personal = errors.some((e) => e.code !== 'style_rules');
    throw new DomainError(
      personal ? SCREENING_PROBLEMS.personalData : SCREENING_PROBLEMS.style,
      'validation',
      personal ? 'The text contains personal data.' : 'The text breaks the style guide.',
      errors,
    );
  }
  if (overriding) {
    await move.audit('case.screening_override', null, { field: check.field, kinds, reason: check.override!.reason.trim(), text: check.text });
  }
}
