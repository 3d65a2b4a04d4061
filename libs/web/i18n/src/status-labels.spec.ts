import { describe, expect, it } from '@jest/globals';
import { REPORT_STATUS_LABELS, REPORT_STATUSES, type Locale } from '@plaza/shared/contracts';
import { ca } from './messages/ca';
import { en } from './messages/en';
import { es } from './messages/es';
import { eu } from './messages/eu';
import { gl } from './messages/gl';

// A status must read the same on the map as in a feed, an Open311 update or a preview card,
// which the server words from REPORT_STATUS_LABELS.
describe('status names in the web catalogues', () => {
  const catalogues: Record<Locale, Record<string, string>> = { es, en, ca, eu, gl };

  it.each(Object.keys(catalogues) as Locale[])('match the shared labels in %s', (locale) => {
    const shared = REPORT_STATUS_LABELS[locale] ?? {};
    for (const status of REPORT_STATUSES) {
      const web = catalogues[locale][`status.${status}`];
      if (web !== undefined || shared[status] !== undefined) expect([status, web]).toEqual([status, shared[status]]);
    }
  });
});
