import { formatServiceCodes, parseServiceCodes } from './service-codes';

describe('service code mapping text', () => {
  it('round-trips the mapping, skipping blank lines', () => {
    const codes = { farola: 'LIGHT-01', bache: 'ROAD=2' };
    expect(parseServiceCodes(`\n${formatServiceCodes(codes)}\n\n`)).toEqual({ ok: true, value: codes });
    expect(parseServiceCodes('')).toEqual({ ok: true, value: {} });
  });

  it('refuses a line without both sides', () => {
    expect(parseServiceCodes('farola')).toEqual({ ok: false });
    expect(parseServiceCodes('farola = ')).toEqual({ ok: false });
    expect(parseServiceCodes(' = X')).toEqual({ ok: false });
  });
});
