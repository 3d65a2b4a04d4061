import { emailLocale, type EmailLocale } from '@plaza/api/mail';
import type { AlertFrequency } from '@plaza/shared/contracts';

/** What a subscription watches, already resolved to names in the subscriber's language. */
export type AlertTarget =
  | { scope: 'area'; areaName: string }
  | { scope: 'category'; categoryName: string }
  | { scope: 'radius'; lat: number; lon: number; radius: number };

/** One public report as an alert shows it: public fields only, never anything about the reporter. */
export interface AlertReport {
  ref: string;
  title: string;
  categoryName: string;
  areaName: string | null;
  url: string;
}

interface Texts {
  where(target: AlertTarget): string;
  frequency: Record<AlertFrequency, string>;
  confirm: {
    subject: string;
    heading: string;
    asked(what: string, frequency: string): string;
    ignore: string;
    action: string;
    expiry: string;
  };
  instant: {
    subject(title: string): string;
    heading(where: string): string;
    category: string;
    area: string;
    action: string;
    footer(where: string): string;
  };
  digest: {
    subject(count: number, day: string): string;
    heading(where: string): string;
    intro(count: number, day: string): string;
    more(count: number): string;
    action: string;
    footer(where: string): string;
  };
}

const TEXTS: Record<EmailLocale, Texts> = {
  es: {
    where: (t) =>
      t.scope === 'area'
        ? `en el distrito ${t.areaName}`
        : t.scope === 'category'
          ? `de la categoría «${t.categoryName}»`
          : `a menos de ${t.radius} m del punto ${t.lat.toFixed(5)}, ${t.lon.toFixed(5)}`,
    frequency: { instant: 'en cuanto se publiquen', daily: 'en un resumen diario' },
    confirm: {
      subject: 'Confirma tu alerta de avisos',
      heading: 'Confirma tu alerta',
      asked: (what, frequency) => `Has pedido recibir por correo, ${frequency}, los avisos nuevos ${what}.`,
      ignore:
        'Si no lo has pedido tú, ignora este mensaje: sin confirmar no te enviaremos nada y borraremos tu dirección en una semana.',
      action: 'Confirmar la alerta',
      expiry: 'El enlace caduca en 7 días.',
    },
    instant: {
      subject: (title) => `Nuevo aviso: ${title}`,
      heading: (where) => `Nuevo aviso ${where}`,
      category: 'Categoría',
      area: 'Distrito',
      action: 'Ver el aviso',
      footer: (where) => `Recibes este correo porque te suscribiste a las alertas de avisos ${where}.`,
    },
    digest: {
      subject: (count, day) => `${count === 1 ? '1 aviso nuevo' : `${count} avisos nuevos`} el ${day}`,
      heading: (where) => `Avisos nuevos ${where}`,
      intro: (count, day) =>
        `${count === 1 ? 'Se publicó 1 aviso' : `Se publicaron ${count} avisos`} el ${day}:`,
      more: (count) => `Y ${count} más en el mapa.`,
      action: 'Ver el mapa',
      footer: (where) =>
        `Recibes este resumen diario porque te suscribiste a las alertas de avisos ${where}.`,
    },
  },
  en: {
    where: (t) =>
      t.scope === 'area'
        ? `in the ${t.areaName} district`
        : t.scope === 'category'
          ? `in the “${t.categoryName}” category`
          : `within ${t.radius} m of ${t.lat.toFixed(5)}, ${t.lon.toFixed(5)}`,
    frequency: { instant: 'as soon as they are published', daily: 'in a daily digest' },
    confirm: {
      subject: 'Confirm your report alert',
      heading: 'Confirm your alert',
      asked: (what, frequency) => `You asked to get new reports ${what} by email, ${frequency}.`,
      ignore:
        "If it wasn't you, ignore this message: nothing is sent until it is confirmed, and your address is deleted within a week.",
      action: 'Confirm the alert',
      expiry: 'The link expires in 7 days.',
    },
    instant: {
      subject: (title) => `New report: ${title}`,
      heading: (where) => `New report ${where}`,
      category: 'Category',
      area: 'District',
      action: 'See the report',
      footer: (where) => `You get this email because you subscribed to alerts about reports ${where}.`,
    },
    digest: {
      subject: (count, day) => `${count === 1 ? '1 new report' : `${count} new reports`} on ${day}`,
      heading: (where) => `New reports ${where}`,
      intro: (count, day) => `${count === 1 ? '1 report was' : `${count} reports were`} published on ${day}:`,
      more: (count) => `And ${count} more on the map.`,
      action: 'See the map',
      footer: (where) => `You get this daily digest because you subscribed to alerts about reports ${where}.`,
    },
  },
};

export function alertTexts(locale: string): Texts {
  return TEXTS[emailLocale(locale)];
}

/** "in the Centro district", "within 500 m of …": also the unsubscribe page's description. */
export function describeTarget(target: AlertTarget, locale: string): string {
  return alertTexts(locale).where(target);
}

/** A day (YYYY-MM-DD) as people write it: 22/11/2026 in Spanish, 22 November 2026 in English. */
export function formatDay(day: string, locale: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return emailLocale(locale) === 'en'
    ? new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(date)
    : new Intl.DateTimeFormat('es-ES', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(date);
}
