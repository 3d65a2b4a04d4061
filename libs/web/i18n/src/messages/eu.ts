import type { PartialMessages } from '../catalog';

// Partial on purpose: missing keys fall back to Spanish, then English.
export const eu: PartialMessages = {
  'app.tagline': 'Hiriko abisuak',
  'a11y.skipToContent': 'Joan eduki nagusira',
  'lang.label': 'Hizkuntza',
  'map.title': 'Plaza · Abisuen mapa',
  'reports.heading': 'Eremu honetako abisuak',
  'reports.empty': 'Ez dago abisurik eremu ikusgaian.',
  'reports.showOnMap': 'Ikusi mapan',
  'status.confirmed': 'Irekita',
  'status.fixed': 'Konponduta',
  'status.closed': 'Itxita',
  'console.title': 'Moderazio-kontsola',
  'console.pageTitle': 'Plaza · Moderazio-kontsola',
};
