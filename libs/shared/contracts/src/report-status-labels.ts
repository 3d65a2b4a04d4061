import type { Locale } from './locale';
import type { ReportStatus } from './report-status';

/**
 * The public names of report statuses, for what the server renders itself (feeds, Open311
 * updates, social preview cards). The web catalogues carry the same words under `status.*`; a
 * unit test in libs/web/i18n keeps the two in step. Spanish and English are complete; the other
 * languages fall back to Spanish (the default locale).
 */
export const REPORT_STATUS_LABELS: { es: Record<ReportStatus, string>; en: Record<ReportStatus, string> } & Partial<
  Record<Locale, Partial<Record<ReportStatus, string>>>
> = {
  es: {
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
  en: {
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
  ca: { confirmed: 'Obert', in_progress: 'En curs', fixed: 'Resolt', closed: 'Tancat' },
  eu: { confirmed: 'Irekita', fixed: 'Konponduta', closed: 'Itxita' },
  gl: { confirmed: 'Aberto', fixed: 'Resolto', closed: 'Pechado' },
};

/** A status in words, in the locale or (when that language lacks it) in Spanish. */
export function reportStatusLabel(status: ReportStatus, locale: Locale): string {
  return REPORT_STATUS_LABELS[locale]?.[status] ?? REPORT_STATUS_LABELS.es[status];
}
