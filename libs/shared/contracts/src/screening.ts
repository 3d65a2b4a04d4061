// Server-side screening of public text (docs/moderation.md#screening): personal data in a citizen's
// report or comment holds it for moderation; personal data or a blocking style-guide rule in a
// staff member's public reply is refused unless a community manager overrides the personal-data check.

export const PERSONAL_DATA_KINDS = ['dni', 'nie', 'phone', 'email', 'plate', 'name'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/**
 * Why content was held for moderation: the kinds of personal data found and the public fields they
 * were found in. The matched text itself is never stored here (it stays in the content, for staff).
 */
export interface ScreeningHold {
  kinds: PersonalDataKind[];
  fields: string[];
  heldAt: string;
}

/**
 * A community manager's explicit decision to publish text the personal-data check flagged (e.g. a
 * city hall phone number). Refused from department staff; the reason goes into the audit log.
 */
export interface ScreeningOverride {
  reason: string;
}

/** Problem codes of refused public text (422, `errors[]` names the field). */
export const SCREENING_PROBLEMS = {
  personalData: 'SCREENING.PERSONAL_DATA',
  style: 'SCREENING.STYLE_RULES',
} as const;
