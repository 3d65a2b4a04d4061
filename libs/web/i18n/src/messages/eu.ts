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
  // Public map (partial: missing keys fall back to Spanish).
  'nav.newReport': 'Abisu bat bidali',
  'nav.backToMap': '← Mapara itzuli',
  'page.loading': 'Kargatzen…',
  'filters.heading': 'Iragazkiak',
  'form.heading': 'Abisu bat bidali',
  'form.continue': 'Jarraitu',
  'form.back': 'Atzera',
  'form.send': 'Abisua bidali',
  'sent.title': 'Abisua bidalita',
};
