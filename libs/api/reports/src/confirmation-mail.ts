import { randomBytes } from 'node:crypto';
import { serverTranslator } from '@plaza/api/i18n';
import { escapeHtml, InvalidMailValues, renderEmail, stringValue, type MailTemplate, type OutgoingMail, type RenderedMail } from '@plaza/api/mail';
import { isLocale, type Locale } from '@plaza/shared/contracts';

export interface ConfirmationMailInput {
  to: string;
  /** The language the report was filed in (`reports.reporter_locale`). */
  locale: Locale;
  reportId: string;
  name: string;
  ref: string;
  title: string;
  url: string;
  ttlHours: number;
  /** The city moderates reports of this category before publishing them. */
  moderated: boolean;
}

/** The mail that asks an anonymous reporter to confirm their report, in their language. */
export function confirmationMail(input: ConfirmationMailInput): OutgoingMail {
  const { t } = serverTranslator(input.locale);
  const body = renderEmail({
    locale: input.locale,
    heading: t('mail.reportConfirmation.heading'),
    paragraphs: [
      t('mail.greeting', { name: input.name }),
      t('mail.reportConfirmation.received', { ref: input.ref, title: input.title }),
      t('mail.reportConfirmation.why'),
      t('mail.reportConfirmation.after', { moderated: input.moderated ? 'yes' : 'no' }),
      t('mail.reportConfirmation.expiry', { hours: input.ttlHours }),
    ],
    action: { label: t('mail.reportConfirmation.action'), url: input.url },
    footer: t('mail.reportConfirmation.footer'),
  });
  return {
    to: input.to,
    subject: t('mail.reportConfirmation.subject', { ref: input.ref }),
    text: body.text,
    html: body.html,
    locale: input.locale,
    // One confirmation mail per report, whatever retries happen.
    dedupeKey: `report-confirmation:${input.reportId}`,
    // Anyone can cause one by filling the form: it waits behind sign-in links and staff mail.
    priority: 'bulk',
  };
}

/** The reporter's values a confirmation mail carries; the reference is filled in by the filing statement. */
export type ConfirmationMailValues = Pick<ConfirmationMailInput, 'to' | 'name' | 'title' | 'url'>;

// Stand-ins for the reporter's values in a rendered mail: letters and digits only (escapeHtml and
// JSON leave them alone), with a random part nobody can type into a form by chance.
const NONCE = randomBytes(9).toString('hex');
const MARK = { name: `PLAZANAME${NONCE}`, title: `PLAZATITLE${NONCE}`, url: `PLAZAURL${NONCE}` };
const REF_MARK = `PLAZAREFERENCE${NONCE}`;
const rendered = new Map<string, OutgoingMail>();

/**
 * `confirmationMail(...)` without rendering it for every mail: the layout (translations, HTML) is
 * rendered once per language, moderation and link lifetime with stand-ins, and each mail only
 * puts its values in — as is in the text, escaped in the HTML, which is exactly what rendering does
 * with them. A full render costs ≈ 0.4 ms under load; the mail worker renders one per delivery.
 */
export function confirmationMailFrom(values: ConfirmationMailValues, shape: Pick<ConfirmationMailInput, 'locale' | 'ttlHours' | 'moderated' | 'ref' | 'reportId'>): OutgoingMail {
  const key = `${shape.locale}|${shape.moderated}|${shape.ttlHours}`;
  let template = rendered.get(key);
  if (!template) {
    template = confirmationMail({ ...MARK, to: '', reportId: '', ref: REF_MARK, locale: shape.locale, ttlHours: shape.ttlHours, moderated: shape.moderated });
    rendered.set(key, template);
  }
  const fill = (text: string, escape: (value: string) => string): string =>
    text
      .replaceAll(MARK.name, () => escape(values.name))
      .replaceAll(MARK.title, () => escape(values.title))
      .replaceAll(MARK.url, () => escape(values.url))
      .replaceAll(REF_MARK, () => escape(shape.ref));
  const same = (value: string): string => value;
  return {
    ...template,
    to: values.to,
    subject: fill(template.subject, same),
    text: fill(template.text, same),
    ...(template.html !== undefined ? { html: fill(template.html, escapeHtml) } : {}),
    dedupeKey: `report-confirmation:${shape.reportId}`,
  };
}

/** The outbox keeps a report's confirmation mail as its values under this name (decision 0015). */
export const REPORT_CONFIRMATION_TEMPLATE = 'report-confirmation';

/**
 * What a filing queues for its confirmation mail: the values, not the mail (2.5 KB rendered, twice
 * when the category's moderation was not known yet). The filing statement adds the two it alone
 * knows, `ref` and `moderated`; the worker renders the mail when it delivers it.
 */
export function confirmationMailValues(values: ConfirmationMailValues & Pick<ConfirmationMailInput, 'locale' | 'ttlHours'>): Record<string, unknown> {
  return { template: REPORT_CONFIRMATION_TEMPLATE, to: values.to, locale: values.locale, name: values.name, title: values.title, url: values.url, ttlHours: values.ttlHours };
}

/** Renders a queued confirmation mail: the same mail `confirmationMail` gives for these values. */
export const reportConfirmationTemplate: MailTemplate = {
  name: REPORT_CONFIRMATION_TEMPLATE,
  render(values): RenderedMail {
    const locale = values['locale'];
    const ttlHours = values['ttlHours'];
    const moderated = values['moderated'];
    if (!isLocale(locale)) throw new InvalidMailValues('The queued confirmation mail has no known language');
    if (typeof ttlHours !== 'number' || !Number.isInteger(ttlHours) || ttlHours < 1) throw new InvalidMailValues('The queued confirmation mail has no link lifetime');
    if (typeof moderated !== 'boolean') throw new InvalidMailValues('The queued confirmation mail does not say whether the report is moderated');
    const mail = confirmationMailFrom(
      { to: stringValue(values, 'to'), name: stringValue(values, 'name'), title: stringValue(values, 'title'), url: stringValue(values, 'url') },
      { locale, ttlHours, moderated, ref: stringValue(values, 'ref'), reportId: '' },
    );
    const { dedupeKey: _dedupeKey, priority: _priority, ...content } = mail;
    return content;
  },
};
