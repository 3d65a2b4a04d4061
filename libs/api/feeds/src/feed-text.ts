import { serverText, type ServerMessageValues } from '@plaza/api/i18n';
import { reportStatusLabel, type Locale, type ReportStatus } from '@plaza/shared/contracts';

/**
 * Words the syndicated documents need, from the server catalogues
 * (`libs/api/i18n/messages/<locale>/feeds.json`) in all five languages. Status names come from
 * the shared REPORT_STATUS_LABELS, so a subscriber reads what a visitor of the map sees.
 */
export type FeedTextKey =
  | 'feed.cityHall'
  | 'feed.newReports'
  | 'feed.newReportsIn'
  | 'feed.nearPoint'
  | 'feed.listDescription'
  | 'feed.reportUpdates'
  | 'feed.reportUpdatesDescription'
  | 'feed.reportFiled'
  | 'feed.statusChanged';

export function feedText(locale: Locale, key: FeedTextKey, values?: ServerMessageValues): string {
  return serverText(locale, key, values);
}

/** A labelled fact of a report item's description: `Estado: Abierto`, `Egoera: Irekita`. */
export function feedFact(locale: Locale, fact: 'status' | 'category' | 'area' | 'address', value: string): string {
  return serverText(locale, `feed.fact.${fact}`, { value });
}

/** The public name of a status, as the map shows it. */
export function statusLabel(status: ReportStatus, locale: Locale): string {
  return reportStatusLabel(status, locale);
}
