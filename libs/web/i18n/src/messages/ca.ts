import type { PartialMessages } from '../catalog';

// Partial on purpose: missing keys fall back to Spanish, then English.
export const ca: PartialMessages = {
  'app.tagline': 'Avisos de la ciutat',
  'a11y.skipToContent': 'Salta al contingut principal',
  'lang.label': 'Idioma',
  'map.title': 'Plaza · Mapa d’avisos',
  'reports.heading': 'Avisos en aquesta zona',
  'reports.loading': 'S’estan carregant els avisos…',
  'reports.empty': 'No hi ha avisos a la zona visible.',
  'reports.count.one': '{count} avís a la zona visible',
  'reports.count.other': '{count} avisos a la zona visible',
  'reports.showOnMap': 'Mostra al mapa',
  'status.confirmed': 'Obert',
  'status.in_progress': 'En curs',
  'status.fixed': 'Resolt',
  'status.closed': 'Tancat',
  'console.title': 'Consola de moderació',
  'console.pageTitle': 'Plaza · Consola de moderació',
};
