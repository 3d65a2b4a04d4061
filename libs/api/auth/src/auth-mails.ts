import { renderEmail, type OutgoingMail } from '@plaza/api/mail';

/** Mail is written in Spanish or English; the other languages read the Spanish one. */
type MailLocale = 'es' | 'en';
const mailLocale = (locale: string): MailLocale => (locale === 'en' ? 'en' : 'es');

interface LinkMail {
  to: string;
  name: string;
  locale: string;
  url: string;
  /** How long the link works, in minutes. */
  validMinutes: number;
}

const SIGN_IN: Record<MailLocale, (m: LinkMail) => { subject: string; lines: string[]; button: string }> = {
  es: (m) => ({
    subject: 'Tu enlace para entrar en Plaza',
    lines: [
      `Hola, ${m.name}:`,
      `Has pedido un enlace para entrar en Plaza. Funciona una sola vez durante ${m.validMinutes} minutos.`,
      'Si no lo has pedido tú, ignora este mensaje: nadie puede entrar sin abrirlo.',
    ],
    button: 'Entrar en Plaza',
  }),
  en: (m) => ({
    subject: 'Your link to sign in to Plaza',
    lines: [
      `Hello ${m.name},`,
      `You asked for a link to sign in to Plaza. It works once, for ${m.validMinutes} minutes.`,
      'If you did not ask for it, ignore this message: nobody can sign in without opening it.',
    ],
    button: 'Sign in to Plaza',
  }),
};

const INVITATION: Record<MailLocale, (m: LinkMail) => { subject: string; lines: string[]; button: string }> =
  {
    es: (m) => ({
      subject: 'Tienes una cuenta en Plaza',
      lines: [
        `Hola, ${m.name}:`,
        'El Ayuntamiento te ha creado una cuenta en Plaza.',
        `Este enlace te permite entrar una vez durante los próximos ${Math.round(m.validMinutes / 60)} horas; después podrás elegir una contraseña.`,
        'Más adelante siempre puedes pedir un nuevo enlace desde la página de entrada.',
      ],
      button: 'Entrar y elegir contraseña',
    }),
    en: (m) => ({
      subject: 'You have a Plaza account',
      lines: [
        `Hello ${m.name},`,
        'The city hall has created a Plaza account for you.',
        `This link signs you in once within the next ${Math.round(m.validMinutes / 60)} hours; then you can choose a password.`,
        'You can always ask for a new link on the sign-in page.',
      ],
      button: 'Sign in and choose a password',
    }),
  };

export function signInLinkMail(m: LinkMail): OutgoingMail {
  return render(m, SIGN_IN[mailLocale(m.locale)](m));
}

export function invitationMail(m: LinkMail): OutgoingMail {
  return render(m, INVITATION[mailLocale(m.locale)](m));
}

function render(m: LinkMail, content: { subject: string; lines: string[]; button: string }): OutgoingMail {
  const locale = mailLocale(m.locale);
  // The link sits after the first two lines (greeting, what it does), before the "if not you" advice.
  const { html, text } = renderEmail({
    locale,
    heading: content.subject,
    paragraphs: content.lines.slice(0, 2),
    action: { label: content.button, url: m.url },
    footer: content.lines.slice(2).join(' '),
  });
  // Someone is waiting for this link (and it works for minutes): never behind bulk mail.
  return { to: m.to, subject: content.subject, text, html, locale, priority: 'urgent' };
}
