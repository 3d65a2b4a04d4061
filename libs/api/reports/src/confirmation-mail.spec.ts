import { confirmationDigestMail } from './confirmation-digest-mail';
import { InvalidMailValues } from '@plaza/api/mail';
import { confirmationMail, confirmationMailFrom, confirmationMailValues, reportConfirmationTemplate, type ConfirmationMailInput } from './confirmation-mail';

const input: ConfirmationMailInput = {
  to: 'ana@example.org',
  locale: 'es',
  reportId: '7',
  name: 'Ana',
  ref: 'PLZ-2026-000007',
  title: 'Bache <grande>',
  url: 'https://plaza.example/confirm/tok?lang=es',
  ttlHours: 48,
  moderated: false,
};

describe('the confirmation mail of an anonymous report', () => {
  it('asks the reporter in Spanish to confirm, saying what happens next and when the link expires', () => {
    const mail = confirmationMail(input);
    expect(mail).toMatchObject({ to: 'ana@example.org', locale: 'es', subject: 'Confirma tu aviso PLZ-2026-000007', priority: 'bulk', dedupeKey: 'report-confirmation:7' });
    expect(mail.text).toContain('Hola, Ana:');
    expect(mail.text).toContain('Hemos recibido tu aviso PLZ-2026-000007 («Bache <grande>»).');
    expect(mail.text).toContain('se publicará en el mapa');
    expect(mail.text).toContain('El enlace caduca en 48 horas;');
    expect(mail.html).toContain('<html lang="es"');
    expect(mail.html).toContain('Bache &lt;grande&gt;');
    expect(confirmationMail({ ...input, ttlHours: 1 }).text).toContain('El enlace caduca en 1 hora;');
  });

  it('writes in English, Basque, Catalan and Galician, with the moderation step when the category has one', () => {
    const en = confirmationMail({ ...input, locale: 'en', moderated: true });
    expect(en).toMatchObject({ locale: 'en', subject: 'Confirm your report PLZ-2026-000007' });
    expect(en.text).toContain('city staff will review it before publishing it');
    const eu = confirmationMail({ ...input, locale: 'eu', ttlHours: 1 });
    expect(eu).toMatchObject({ locale: 'eu', subject: 'Berretsi zure abisua: PLZ-2026-000007' });
    expect(eu.text).toContain('Zure PLZ-2026-000007 abisua («Bache <grande>») jaso dugu.');
    expect(eu.text).toContain('Esteka ordubete barru iraungiko da;');
    expect(eu.text).toContain('Berretsi nire abisua: https://plaza.example/confirm/tok');
    expect(eu.html).toContain('<html lang="eu"');
    expect(confirmationMail({ ...input, locale: 'ca' }).text).toContain('L’enllaç caduca d’aquí a 48 hores;');
    expect(confirmationMail({ ...input, locale: 'gl', moderated: true }).text).toContain('o equipo municipal revisarao');
  });

  it('ends every language’s subject with the reference, so the reporter (and a mail filter) can find it', () => {
    for (const locale of ['es', 'en', 'ca', 'eu', 'gl'] as const) {
      expect(confirmationMail({ ...input, locale }).subject.endsWith(' PLZ-2026-000007')).toBe(true);
    }
  });
});

describe('the digest of held confirmations', () => {
  const items = [
    { ref: 'PLZ-2026-000008', title: 'Farola', url: 'https://plaza.example/confirm/a' },
    { ref: 'PLZ-2026-000009', title: 'Papelera', url: 'https://plaza.example/confirm/b' },
    { ref: 'PLZ-2026-000010', title: 'Banco', url: 'https://plaza.example/confirm/c' },
  ];
  const digest = { to: 'ana@example.org', name: 'Ana', locale: 'es' as const, confirmedReportId: '7', items, ttlHours: 48 };

  it('counts the reports in the subject with the language’s plural, and lists a link for each', () => {
    const es = confirmationDigestMail(digest);
    expect(es).toMatchObject({ subject: 'Confirma tus otros 3 avisos', locale: 'es', dedupeKey: 'report-confirmation-digest:7' });
    expect(es.text).toContain('PLZ-2026-000009 («Papelera»): https://plaza.example/confirm/b');
    expect(confirmationDigestMail({ ...digest, items: items.slice(0, 1) }).subject).toBe('Confirma tu otro aviso');
    const en = confirmationDigestMail({ ...digest, locale: 'en', items: items.slice(0, 1) });
    expect(en.subject).toBe('Confirm your other report');
    const eu = confirmationDigestMail({ ...digest, locale: 'eu' });
    expect(eu).toMatchObject({ subject: 'Berretsi zure beste 3 abisuak', locale: 'eu' });
    expect(eu.text).toContain('Estekak 48 ordu barru iraungiko dira;');
    expect(eu.html).toContain('<html lang="eu"');
    expect(confirmationDigestMail({ ...digest, locale: 'gl' }).subject).toBe('Confirma os teus outros 3 avisos');
  });
});

describe('confirmationMailFrom (a rendered layout filled with each filing’s values)', () => {
  const awkward = [
    { to: 'ana@example.org', name: 'Ana', title: 'Farola apagada', url: 'https://plaza.test/confirm/abc?lang=es' },
    // Markup, quotes and ampersands are escaped in the HTML exactly as rendering does; `$&` and `$1`
    // are replacement patterns to String.replace and must come out as typed.
    { to: 'o@example.org', name: `O'Brien <b>&amp; "co"</b>`, title: 'Bache $& en la $1 calle «Mayor»', url: 'https://plaza.test/confirm/x?lang=en&a="b"' },
    { to: 'x@example.org', name: '', title: '日本語 🚧 Ñandú', url: '' },
  ];
  for (const locale of ['es', 'en', 'ca', 'eu', 'gl'] as const) {
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

describe('reportConfirmationTemplate (the queued values a filing writes, rendered by the mail worker)', () => {
  // What the filing statement stores: the values, plus the ref and the moderation it alone knows.
  const queued = (over: Partial<ConfirmationMailInput> = {}): Record<string, unknown> => {
    const mail = { ...input, ...over };
    return JSON.parse(JSON.stringify({ ...confirmationMailValues(mail), ref: mail.ref, moderated: mail.moderated })) as Record<string, unknown>;
  };

  it('renders the very mail confirmationMail gives, in every language, moderated or not', () => {
    for (const locale of ['es', 'en', 'ca', 'eu', 'gl'] as const) {
      for (const moderated of [false, true]) {
        const { dedupeKey: _key, priority: _priority, ...expected } = confirmationMail({ ...input, locale, moderated });
        expect(reportConfirmationTemplate.render(queued({ locale, moderated }))).toEqual(expected);
      }
    }
  });

  it('queues a few hundred bytes where the rendered mail took thousands', () => {
    const values = JSON.stringify(queued());
    const { dedupeKey: _key, priority: _priority, ...rendered } = confirmationMail(input);
    expect(values.length).toBeLessThan(400);
    expect(JSON.stringify(rendered).length).toBeGreaterThan(5 * values.length);
  });

  it('refuses values that cannot make the mail (delivering them later would not help)', () => {
    for (const broken of [
      { ...queued(), locale: 'fr' },
      { ...queued(), ttlHours: '48' },
      { ...queued(), moderated: undefined },
      { ...queued(), ref: 7 },
      { ...queued(), url: null },
    ]) {
      expect(() => reportConfirmationTemplate.render(broken)).toThrow(InvalidMailValues);
    }
  });
});
