import type { PartialMessages } from '../catalog';

// Partial on purpose: missing keys fall back to Spanish, then English.
export const gl: PartialMessages = {
  'app.tagline': 'Avisos da cidade',
  'a11y.skipToContent': 'Saltar ao contido principal',
  'lang.label': 'Idioma',
  'map.title': 'Plaza · Mapa de avisos',
  'reports.heading': 'Avisos nesta zona',
  'reports.empty': 'Non hai avisos na zona visible.',
  'reports.count.one': '{count} aviso na zona visible',
  'reports.count.other': '{count} avisos na zona visible',
  'reports.showOnMap': 'Ver no mapa',
  'status.confirmed': 'Aberto',
  'status.fixed': 'Resolto',
  'status.closed': 'Pechado',
  'console.title': 'Consola de moderación',
  'console.pageTitle': 'Plaza · Consola de moderación',
};
