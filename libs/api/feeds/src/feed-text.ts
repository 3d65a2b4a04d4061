import { DEFAULT_LOCALE, type Locale, type ReportStatus } from '@plaza/shared/contracts';

/**
 * Words the syndicated documents (feeds, Open311 updates) need on the server. Spanish and English
 * are complete; the other languages fall back to Spanish, as the web catalogues do. Status names
 * match the map's (libs/web/i18n) so a subscriber reads what a visitor sees.
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
  statuses: Partial<Record<ReportStatus, string>>;
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
  statuses: {
    unconfirmed: 'Sin confirmar',
    confirmed: 'Abierto',
    investigating: 'En estudio',
    action_scheduled: 'Actuación programada',
    in_progress: 'En curso',
    fixed: 'Resuelto',
    closed: 'Cerrado',
    duplicate: 'Duplicado',
    not_responsible: 'No es competencia municipal',
    unable_to_fix: 'No se puede resolver',
    internal_referral: 'Derivado',
    hidden: 'Oculto',
  },
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
  statuses: {
    unconfirmed: 'Unconfirmed',
    confirmed: 'Open',
    investigating: 'Investigating',
    action_scheduled: 'Action scheduled',
    in_progress: 'In progress',
    fixed: 'Fixed',
    closed: 'Closed',
    duplicate: 'Duplicate',
    not_responsible: 'Not the city\u2019s responsibility',
    unable_to_fix: 'Unable to fix',
    internal_referral: 'Referred',
    hidden: 'Hidden',
  },
};

const PARTIAL: Partial<Record<Locale, Partial<FeedText>>> = {
  es: ES,
  en: EN,
  ca: {
    cityHall: 'Ajuntament',
    newReports: 'Nous avisos',
    status: 'Estat',
    statuses: { confirmed: 'Obert', in_progress: 'En curs', fixed: 'Resolt', closed: 'Tancat' },
  },
  eu: {
    cityHall: 'Udala',
    statuses: { confirmed: 'Irekita', fixed: 'Konponduta', closed: 'Itxita' },
  },
  gl: {
    cityHall: 'Concello',
    newReports: 'Novos avisos',
    statuses: { confirmed: 'Aberto', fixed: 'Resolto', closed: 'Pechado' },
  },
};

type TextKey = Exclude<keyof FeedText, 'statuses'>;

/** One phrase in the locale (Spanish when it is missing), with `{name}` placeholders filled in. */
export function feedText(locale: Locale, key: TextKey, values: Record<string, string | number> = {}): string {
  const template = PARTIAL[locale]?.[key] ?? PARTIAL[DEFAULT_LOCALE]?.[key] ?? EN[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** The public name of a status, as the map shows it. */
export function statusLabel(status: ReportStatus, locale: Locale): string {
  return PARTIAL[locale]?.statuses?.[status] ?? ES.statuses[status] ?? status;
}
