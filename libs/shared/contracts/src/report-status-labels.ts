import type { Locale } from './locale';
import type { ReportStatus } from './report-status';

/**
 * The public names of report statuses, for what the server renders itself (feeds, Open311
 * updates, social preview cards). The web catalogues carry the same words under `status.*`; a
 * unit test in libs/web/i18n keeps the two in step. Every language is complete.
 */
export const REPORT_STATUS_LABELS: Record<Locale, Record<ReportStatus, string>> = {
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
  ca: {
    unconfirmed: 'Sense confirmar',
    confirmed: 'Obert',
    investigating: 'En estudi',
    action_scheduled: 'Actuació programada',
    in_progress: 'En curs',
    fixed: 'Resolt',
    closed: 'Tancat',
    duplicate: 'Duplicat',
    not_responsible: 'No és competència municipal',
    unable_to_fix: 'No es pot resoldre',
    internal_referral: 'Derivat',
    hidden: 'Ocult',
  },
  eu: {
    unconfirmed: 'Berretsi gabe',
    confirmed: 'Irekita',
    investigating: 'Aztertzen',
    action_scheduled: 'Jarduketa programatuta',
    in_progress: 'Martxan',
    fixed: 'Konponduta',
    closed: 'Itxita',
    duplicate: 'Bikoiztua',
    not_responsible: 'Ez da udalaren eskumena',
    unable_to_fix: 'Ezin da konpondu',
    internal_referral: 'Bideratuta',
    hidden: 'Ezkutatuta',
  },
  gl: {
    unconfirmed: 'Sen confirmar',
    confirmed: 'Aberto',
    investigating: 'En estudo',
    action_scheduled: 'Actuación programada',
    in_progress: 'En curso',
    fixed: 'Resolto',
    closed: 'Pechado',
    duplicate: 'Duplicado',
    not_responsible: 'Non é competencia municipal',
    unable_to_fix: 'Non se pode resolver',
    internal_referral: 'Derivado',
    hidden: 'Oculto',
  },
};

/** A status in words, in the locale. */
export function reportStatusLabel(status: ReportStatus, locale: Locale): string {
  return REPORT_STATUS_LABELS[locale][status];
}
