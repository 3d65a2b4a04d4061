import { DEFAULT_LOCALE, type Locale } from '@plaza/shared/contracts';

/** Human text Open311 documents carry, in the request's language (Spanish, then English, as fallbacks). */
interface Open311Text {
  target: (department: string, days: number) => string;
  moderation: string;
  awaitingConfirmation: string;
  published: string;
  contact: (url: string) => string;
  keyService: string;
}

const ES: Open311Text = {
  target: (department, days) =>
    `${department} atiende este tipo de avisos en un plazo objetivo de ${days} ${days === 1 ? 'día' : 'días'}.`,
  moderation: 'El aviso se publicará cuando lo revise el equipo de moderación.',
  awaitingConfirmation:
    'Hemos enviado un enlace de confirmación al correo de la persona que avisa: el aviso llegará al ayuntamiento cuando lo confirme. Consulta el token para obtener su identificador.',
  published: 'El aviso ya es público.',
  contact: (url) => `Información y contacto del servicio: ${url}`,
  keyService:
    'Las claves de API las emite la administración de la ciudad en la consola de Plaza; al recibirla, la aplicación cliente acepta las condiciones de uso y de protección de datos.',
};

const EN: Open311Text = {
  target: (department, days) =>
    `${department} deals with requests of this kind within a target of ${days} ${days === 1 ? 'day' : 'days'}.`,
  moderation: 'The request will be published once a moderator has reviewed it.',
  awaitingConfirmation:
    "A confirmation link was sent to the reporter's email: the request reaches the city once they confirm it. Query the token to get its id.",
  published: 'The request is now public.',
  contact: (url) => `Information and contact for this service: ${url}`,
  keyService:
    'API keys are issued by the city administration in the Plaza console; by accepting one, the client application agrees to the terms of use and data protection.',
};

const TEXT: Partial<Record<Locale, Open311Text>> = { es: ES, en: EN };

export function open311Text(locale: Locale): Open311Text {
  return TEXT[locale] ?? TEXT[DEFAULT_LOCALE] ?? EN;
}
