import { renderEmail, type OutgoingMail } from '@plaza/api/mail';

/** Mail is written in Spanish or English; the other languages read the Spanish one (as auth mails). */
type MailLocale = 'es' | 'en';
const mailLocale = (locale: string): MailLocale => (locale === 'en' ? 'en' : 'es');

interface Content {
  subject: string;
  paragraphs: string[];
  button: string;
  footer: string;
}

function render(to: string, locale: string, url: string, content: Content): OutgoingMail {
  const l = mailLocale(locale);
  const { html, text } = renderEmail({
    locale: l,
    heading: content.subject,
    paragraphs: content.paragraphs,
    action: { label: content.button, url },
    footer: content.footer,
  });
  return { to, subject: content.subject, text, html, locale: l };
}

/** Sent to the new address: the change applies only when its owner follows the link. */
export function emailChangeMail(m: { to: string; locale: string; url: string; validHours: number }): OutgoingMail {
  const content: Record<MailLocale, Content> = {
    es: {
      subject: 'Confirma tu nuevo correo en Plaza',
      paragraphs: [
        'Has pedido usar esta dirección en tu cuenta de Plaza.',
        `Confírmalo con este enlace durante las próximas ${m.validHours} horas.`,
      ],
      button: 'Confirmar mi correo',
      footer: 'Si no lo has pedido tú, ignora este mensaje: tu cuenta no cambia.',
    },
    en: {
      subject: 'Confirm your new email address on Plaza',
      paragraphs: [
        'You asked to use this address for your Plaza account.',
        `Confirm it with this link within the next ${m.validHours} hours.`,
      ],
      button: 'Confirm my email',
      footer: 'If you did not ask for it, ignore this message: your account does not change.',
    },
  };
  return render(m.to, m.locale, m.url, content[mailLocale(m.locale)]);
}

/** An anonymous reporter's link to see the data the city holds from their reports. */
export function reporterDataMail(m: { to: string; locale: string; url: string; validHours: number }): OutgoingMail {
  const content: Record<MailLocale, Content> = {
    es: {
      subject: 'Tus datos en Plaza',
      paragraphs: [
        'Has pedido ver los datos que el Ayuntamiento guarda de los avisos que enviaste con esta dirección.',
        `Este enlace los muestra durante las próximas ${m.validHours} horas.`,
      ],
      button: 'Ver mis datos',
      footer: 'Si no lo has pedido tú, ignora este mensaje: nadie más recibe este enlace.',
    },
    en: {
      subject: 'Your data on Plaza',
      paragraphs: [
        'You asked to see the data the city hall keeps from the reports you sent with this address.',
        `This link shows it for the next ${m.validHours} hours.`,
      ],
      button: 'See my data',
      footer: 'If you did not ask for it, ignore this message: nobody else receives this link.',
    },
  };
  return render(m.to, m.locale, m.url, content[mailLocale(m.locale)]);
}

/** Sent RETENTION_INACTIVE_DAYS − 30 days after the last sign-in. */
export function inactivityWarningMail(m: { to: string; name: string; locale: string; url: string; days: number }): OutgoingMail {
  const content: Record<MailLocale, Content> = {
    es: {
      subject: 'Tu cuenta de Plaza se borrará pronto',
      paragraphs: [
        `Hola, ${m.name}: hace mucho que no entras en Plaza.`,
        `Para no guardar datos que ya no usas, borraremos tu cuenta dentro de ${m.days} días. Tus avisos y propuestas seguirán publicados sin tu nombre. Si quieres conservarla, basta con entrar.`,
      ],
      button: 'Entrar en Plaza',
      footer: 'No tienes que hacer nada más.',
    },
    en: {
      subject: 'Your Plaza account will be erased soon',
      paragraphs: [
        `Hello ${m.name}, you have not signed in to Plaza for a long time.`,
        `So as not to keep data you no longer use, we will erase your account in ${m.days} days. Your reports and proposals stay published without your name. To keep it, just sign in.`,
      ],
      button: 'Sign in to Plaza',
      footer: 'You need to do nothing else.',
    },
  };
  return render(m.to, m.locale, m.url, content[mailLocale(m.locale)]);
}
