import { acceptsGzip, csvField, csvLine, neutralizeFormula } from './csv';

describe('CSV writing', () => {
  it('leaves plain fields alone and writes nulls as empty fields', () => {
    expect(csvLine(['2026-000001', 'bache', 40.4168, null, undefined, true])).toBe(
      '2026-000001,bache,40.4168,,,true\r\n',
    );
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('dijo "hola"')).toBe('"dijo ""hola"""');
    expect(csvField('línea\nsegunda')).toBe('"línea\nsegunda"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('ñandú €')).toBe('ñandú €');
  });

  it('keeps a spreadsheet from running citizen text as a formula', () => {
    expect(neutralizeFormula('=HYPERLINK("http://evil")')).toBe(`'=HYPERLINK("http://evil")`);
    expect(neutralizeFormula('+34 600')).toBe(`'+34 600`);
    expect(neutralizeFormula('-1')).toBe(`'-1`);
    expect(neutralizeFormula('@cmd')).toBe(`'@cmd`);
    expect(neutralizeFormula('Farola rota')).toBe('Farola rota');
    expect(neutralizeFormula(null)).toBeNull();
  });
});

describe('Accept-Encoding', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['gzip;q=0', false],
    ['identity', false],
    ['*', true],
    ['*;q=0', false],
    ['*, gzip;q=0', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
