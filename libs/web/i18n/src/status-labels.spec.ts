import { describe, expect, it } from '@jest/globals';
import { REPORT_STATUS_LABELS, REPORT_STATUSES } from '@plaza/shared/contracts';
import { LOCALES, type Locale } from './catalog';
import { loadCatalogue } from './translator';

// A status must read the same on the map as in a feed, an Open311 update or a preview card,
// which the server words from REPORT_STATUS_LABELS.
describe('status names in the web catalogues', () => {
  it.each(LOCALES as readonly Locale[])('match the shared labels in %s', async (locale) => {
    const web = (await loadCatalogue(locale)) as Record<string, string>;
    const shared = REPORT_STATUS_LABELS[locale] ?? {};
    for (const status of REPORT_STATUSES) {
      expect([status, web[`status.${status}`]]).toEqual([status, shared[status]]);
    }
  });
});
