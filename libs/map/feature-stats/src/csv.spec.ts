import { describe, expect, it } from '@jest/globals';
import { csvDataUrl, csvField, toCsv } from './csv';

describe('csv', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvField('Centro')).toBe('Centro');
    expect(csvField('Moncloa, Aravaca')).toBe('"Moncloa, Aravaca"');
    expect(csvField('el "barrio"')).toBe('"el ""barrio"""');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField(null)).toBe('');
  });

  it('never lets a spreadsheet read a name as a formula', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-3')).toBe("'-3");
    expect(csvField(-3)).toBe('-3');
  });

  it('writes a header line and CRLF rows, and a UTF-8 data URL with a BOM', () => {
    const csv = toCsv(['month', 'reports'], [['2026-01', 3], ['2026-02', 0]]);
    expect(csv).toBe('month,reports\r\n2026-01,3\r\n2026-02,0\r\n');
    expect(decodeURIComponent(csvDataUrl('a\r\n').split(',')[1]!)).toBe('\uFEFFa\r\n');
  });
});
