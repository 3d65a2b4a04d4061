import { isReportRef, REPORT_REF_PATTERN } from './report-ref';

describe('report references', () => {
  it('accepts six digits and more, as the sequence grows past 999,999', () => {
    for (const ref of ['2026-000001', '2026-999999', '2026-1000000', '2031-12345678']) expect(isReportRef(ref)).toBe(true);
  });

  it('refuses what is not a reference', () => {
    for (const ref of ['2026-12345', '26-000001', '2026-00000a', '2026-000001 ', 'x2026-000001', '2026_000001', '', null, 2026]) {
      expect(isReportRef(ref)).toBe(false);
    }
    // A bound on the width keeps the pattern from accepting absurdly long strings.
    expect(REPORT_REF_PATTERN.test(`2026-${'1'.repeat(19)}`)).toBe(false);
  });
});
