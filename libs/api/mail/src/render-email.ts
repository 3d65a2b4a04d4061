import { serverTranslator } from '@plaza/api/i18n';
import { matchLocale } from './mail-locale';

export interface EmailContent {
  locale: string;
  heading: string;
  /** Plain text paragraphs; escaped in HTML. */
  paragraphs: string[];
  /** The one thing to do, as a button (HTML) and a bare URL (text). */
  action?: { label: string; url: string };
  /** A quieter last line (why the reader gets this mail). */
  footer?: string;
  /** From `UnsubscribeLinks.url()`: adds the unsubscribe footer in the mail's language. */
  unsubscribeUrl?: string;
}

/**
 * The one layout of Plaza's mails: a heading, paragraphs, an optional button, an optional footer
 * and unsubscribe link, as HTML (escaped, single column, real text, a language attribute, link
 * text that makes sense on its own) and its plain-text twin.
 */
export function renderEmail(content: EmailContent): { html: string; text: string } {
  const lang = matchLocale(content.locale);
  const { t } = serverTranslator(lang);
  const unsubscribe = { lead: t('mail.unsubscribe.lead'), link: t('mail.unsubscribe.link') };

  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    '— Plaza',
    ...(content.footer ? ['', content.footer] : []),
    ...(content.unsubscribeUrl ? ['', `${unsubscribe.lead} ${unsubscribe.link}: ${content.unsubscribeUrl}`] : []),
  ].join('\n');

  const html = [
    `<!doctype html>`,
    `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(content.heading)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f5f7;color:#1b1f24;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">`,
    `<div role="article" aria-roledescription="email" aria-label="${escapeHtml(content.heading)}" lang="${lang}" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff">`,
    `<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${escapeHtml(content.heading)}</h1>`,
    ...content.paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`),
    ...(content.action
      ? [
          `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 20px;background:#0b5394;color:#ffffff;text-decoration:underline;border-radius:4px;font-weight:bold">${escapeHtml(content.action.label)}</a></p>`,
          `<p style="margin:0 0 16px;font-size:14px;color:#424a53;word-break:break-all">${escapeHtml(content.action.url)}</p>`,
        ]
      : []),
    `<p style="margin:0 0 16px">— Plaza</p>`,
    ...(content.footer ? [`<p style="margin:16px 0 0;font-size:14px;color:#424a53">${escapeHtml(content.footer)}</p>`] : []),
    ...(content.unsubscribeUrl
      ? [
          `<p style="margin:16px 0 0;font-size:14px;color:#424a53">${escapeHtml(unsubscribe.lead)} <a href="${escapeHtml(content.unsubscribeUrl)}" style="color:#0b5394">${escapeHtml(unsubscribe.link)}</a></p>`,
        ]
      : []),
    `</div></body></html>`,
  ].join('\n');

  return { html, text };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
