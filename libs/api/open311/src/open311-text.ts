import { serverText } from '@plaza/api/i18n';
import type { Locale } from '@plaza/shared/contracts';

/**
 * Human text Open311 documents carry (`service_notice`, discovery's `contact` and `key_service`),
 * in the request's language from the server catalogues
 * (`libs/api/i18n/messages/<locale>/open311.json`), all five languages.
 */
export interface Open311Text {
  target: (department: string, days: number) => string;
  moderation: string;
  awaitingConfirmation: string;
  published: string;
  contact: (url: string) => string;
  keyService: string;
}

export function open311Text(locale: Locale): Open311Text {
  return {
    target: (department, days) => serverText(locale, 'open311.notice.target', { department, days }),
    moderation: serverText(locale, 'open311.notice.moderation'),
    awaitingConfirmation: serverText(locale, 'open311.notice.awaitingConfirmation'),
    published: serverText(locale, 'open311.notice.published'),
    contact: (url) => serverText(locale, 'open311.discovery.contact', { url }),
    keyService: serverText(locale, 'open311.discovery.keyService'),
  };
}
