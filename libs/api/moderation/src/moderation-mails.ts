import { renderEmail, type OutgoingMail } from '@plaza/api/mail';
import type { FlagTarget } from '@plaza/api/participation-data';

const REASONS: Record<string, { es: string; en: string }> = {
  spam: { es: 'publicidad o spam', en: 'advertising or spam' },
  offensive: { es: 'contenido ofensivo', en: 'offensive content' },
  personal_data: { es: 'datos personales', en: 'personal data' },
  off_topic: { es: 'fuera de tema', en: 'off topic' },
  other: { es: 'otro motivo', en: 'another reason' },
  pending_review: { es: 'varias personas lo han denunciado; lo revisaremos', en: 'several people flagged it; we will review it' },
  author_blocked: { es: 'cuenta bloqueada', en: 'account blocked' },
};

const WHAT = {
  comment: { es: 'tu comentario', en: 'your comment' },
  proposal: { es: 'tu propuesta', en: 'your proposal' },
  report: { es: 'tu aviso', en: 'your report' },
};

/** Tells an author why their content was hidden, and how to ask for a review (once). */
export function hiddenMail(m: {
  email: string;
  locale: string;
  publicUrl: string;
  target: FlagTarget;
  reason: string;
  provisional: boolean;
  decisionId: string;
}): OutgoingMail {
  const lang = m.locale === 'en' ? 'en' : 'es';
  const reason = (REASONS[m.reason] ?? REASONS['other'] as { es: string; en: string })[lang];
  const what = WHAT[m.target.type][lang];
  const link = `${m.publicUrl}/account/notifications`;
  const content =
    lang === 'en'
      ? {
          subject: m.provisional ? 'Your content is hidden until we review it' : 'We have hidden your content',
          paragraphs: [
            'Hello,',
            `We have ${m.provisional ? 'temporarily ' : ''}hidden ${what} on Plaza. Reason: ${reason}.`,
            `If you think this is a mistake you can ask for a review once (decision ${m.decisionId}).`,
          ],
          action: 'See why and ask for a review',
          footer: "The city's participation team",
        }
      : {
          subject: m.provisional ? 'Tu contenido está oculto hasta que lo revisemos' : 'Hemos ocultado tu contenido',
          paragraphs: [
            'Hola:',
            `Hemos ocultado ${m.provisional ? 'provisionalmente ' : ''}${what} en Plaza. Motivo: ${reason}.`,
            `Si crees que es un error, puedes pedir una revisión una vez (decisión ${m.decisionId}).`,
          ],
          action: 'Ver el motivo y pedir una revisión',
          footer: 'El equipo de participación del Ayuntamiento',
        };
  const { html, text } = renderEmail({
    locale: lang,
    heading: content.subject,
    paragraphs: content.paragraphs,
    action: { label: content.action, url: link },
    footer: content.footer,
  });
  return { to: m.email, locale: lang, subject: content.subject, text, html };
}
