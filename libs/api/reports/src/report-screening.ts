import type { ScreeningHold } from '@plaza/shared/contracts';
import { fieldsOf, kindsOf, screenFields } from '@plaza/shared/moderation';

/** The public text a citizen files, as the screening sees it. */
export interface PublicReportText {
  title: string;
  description: string;
  address?: string | null;
}

/**
 * Personal data in a report's public fields holds it for a moderator whatever the category's
 * pre-moderation setting says: nobody sees a DNI or a phone number on the map before a human does.
 * Only the kinds and fields are kept (the text itself stays where it is, for staff to redact).
 */
export function screenReport(text: PublicReportText, now = new Date()): ScreeningHold | null {
  const findings = screenFields({ title: text.title, description: text.description, address: text.address });
  if (findings.length === 0) return null;
  return { kinds: kindsOf(findings), fields: fieldsOf(findings), heldAt: now.toISOString() };
}
