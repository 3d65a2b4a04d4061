import { renderEmail, type OutgoingMail } from '@plaza/api/mail';

export interface DigestItem {
  ref: string;
  title: string;
  url: string;
}

export interface ConfirmationDigestInput {
  to: string;
  name: string;
  locale: 'es' | 'en';
  /** The report whose confirmation released this digest: names the mail, so it goes once. */
  confirmedReportId: string;
  items: DigestItem[];
  ttlHours: number;
}

const TEXT = {
  es: {
    subject: (n: number) => `Confirma tus otros ${n} avisos`,
    greeting: (name: string) => `Hola, ${name}:`,
    why: 'Acabas de confirmar un aviso. Desde esta dirección se enviaron más avisos sin iniciar sesión; para no llenar tu buzón no te escribimos por cada uno. Confirma los que sean tuyos:',
    item: (item: DigestItem) => `${item.ref} («${item.title}»): ${item.url}`,
    expiry: (hours: number) => `Los enlaces caducan en ${hours} horas; los avisos sin confirmar se borrarán.`,
    footer: 'Si alguno no lo enviaste tú, no lo confirmes: se borrará solo.',
  },
  en: {
    subject: (n: number) => `Confirm your other ${n} reports`,
    greeting: (name: string) => `Hello ${name},`,
    why: 'You have just confirmed a report. More reports were sent with this address without signing in; to keep your inbox calm we did not write about each one. Confirm those that are yours:',
    item: (item: DigestItem) => `${item.ref} (“${item.title}”): ${item.url}`,
    expiry: (hours: number) => `The links expire in ${hours} hours; unconfirmed reports will be deleted.`,
    footer: 'If you did not send one of them, do not confirm it: it will be deleted on its own.',
  },
} as const;

/** One mail with a link for each report accepted past the address's cap on pending confirmations. */
export function confirmationDigestMail(input: ConfirmationDigestInput): OutgoingMail {
  const text = TEXT[input.locale];
  const body = renderEmail({
    locale: input.locale,
    heading: text.subject(input.items.length),
    paragraphs: [text.greeting(input.name), text.why, ...input.items.map(text.item), text.expiry(input.ttlHours)],
    footer: text.footer,
  });
  return {
    to: input.to,
    subject: text.subject(input.items.length),
    text: body.text,
    html: body.html,
    locale: input.locale,
    dedupeKey: `report-confirmation-digest:${input.confirmedReportId}`,
    priority: 'bulk',
  };
}
