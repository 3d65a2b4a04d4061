import { DEFAULT_LOCALE, reportStatusLabel, type Locale, type ReportStatus } from '@plaza/shared/contracts';

/**
 * Words the syndicated documents (feeds, Open311 updates) need on the server. Spanish and English
 * are complete; the other languages fall back to Spanish, as the web catalogues do. Status names
 * come from the shared REPORT_STATUS_LABELS, so a subscriber reads what a visitor sees.
 */
interface FeedText {
  cityHall: string;
  newReports: string;
  newReportsIn: string;
  nearPoint: string;
  listDescription: string;
  reportUpdates: string;
  reportUpdatesDescription: string;
  reportFiled: string;
  statusChanged: string;
  status: string;
  category: string;
  area: string;
  address: string;
}

const ES: FeedText = {
  cityHall: 'Ayuntamiento',
  newReports: 'Nuevos avisos',
  newReportsIn: 'Nuevos avisos: {filter}',
  nearPoint: 'a menos de {radius} m de {lat}, {lon}',
  listDescription: 'Los avisos públicos más recientes de la ciudad, con su estado.',
  reportUpdates: 'Novedades del aviso {ref}: {title}',
  reportUpdatesDescription: 'Cambios de estado y respuestas públicas del aviso {ref}.',
  reportFiled: 'Aviso registrado',
  statusChanged: 'Estado: {status}',
  status: 'Estado',
  category: 'Categoría',
  area: 'Distrito',
  address: 'Dirección',
};

const EN: FeedText = {
  cityHall: 'City Hall',
  newReports: 'New reports',
  newReportsIn: 'New reports: {filter}',
  nearPoint: 'within {radius} m of {lat}, {lon}',
  listDescription: 'The latest public reports in the city, with their status.',
  reportUpdates: 'Updates on report {ref}: {title}',
  reportUpdatesDescription: 'Status changes and public answers on report {ref}.',
  reportFiled: 'Report filed',
  statusChanged: 'Status: {status}',
  status: 'Status',
  category: 'Category',
  area: 'District',
  address: 'Address',
};

const PARTIAL: Partial<Record<Locale, Partial<FeedText>>> = {
  es: ES,
  en: EN,
  ca: {
    cityHall: 'Ajuntament',
    newReports: 'Nous avisos',
    status: 'Estat',
  },
  eu: {
    cityHall: 'Udala',
  },
  gl: {
    cityHall: 'Concello',
    newReports: 'Novos avisos',
  },
};

type TextKey = keyof FeedText;

/** One phrase in the locale (Spanish when it is missing), with `{name}` placeholders filled in. */
export function feedText(locale: Locale, key: TextKey, values: Record<string, string | number> = {}): string {
  const template = PARTIAL[locale]?.[key] ?? PARTIAL[DEFAULT_LOCALE]?.[key] ?? EN[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** The public name of a status, as the map shows it. */
export function statusLabel(status: ReportStatus, locale: Locale): string {
  return reportStatusLabel(status, locale);
}
