import { confirmationMail, confirmationMailFrom } from './confirmation-mail';

describe('confirmationMailFrom (a rendered layout filled with each filing’s values)', () => {
  const awkward = [
    { to: 'ana@example.org', name: 'Ana', title: 'Farola apagada', url: 'https://plaza.test/confirm/abc?lang=es' },
    // Markup, quotes and ampersands are escaped in the HTML exactly as rendering does; `$&` and `$1`
    // are replacement patterns to String.replace and must come out as typed.
    { to: 'o@example.org', name: `O'Brien <b>&amp; "co"</b>`, title: 'Bache $& en la $1 calle «Mayor»', url: 'https://plaza.test/confirm/x?lang=en&a="b"' },
    { to: 'x@example.org', name: '', title: '日本語 🚧 Ñandú', url: '' },
  ];
  for (const locale of ['es', 'en'] as const) {
    for (const moderated of [false, true]) {
      for (const values of awkward) {
        it(`gives the very mail confirmationMail renders (${locale}, moderated ${moderated}, “${values.title}”)`, () => {
          const shape = { locale, moderated, ttlHours: 72, ref: '2026-001234', reportId: '99' };
          expect(confirmationMailFrom(values, shape)).toEqual(confirmationMail({ ...values, ...shape }));
        });
      }
    }
  }

  it('follows the link lifetime it is given', () => {
    const values = awkward[0]!;
    const shape = { locale: 'es' as const, moderated: false, ref: '2026-000001', reportId: '1' };
    expect(confirmationMailFrom(values, { ...shape, ttlHours: 24 }).text).toContain('24 horas');
    expect(confirmationMailFrom(values, { ...shape, ttlHours: 48 }).text).toContain('48 horas');
  });
});
