import { confirmationMail, digestMail, DIGEST_LIST_MAX, instantAlertMail } from './alert-mails';
import { describeTarget, formatDay } from './alert-texts';

const report = (n: number) => ({
  ref: `2026-00000${n}`,
  title: `Farola <apagada> ${n}`,
  categoryName: 'Farola',
  areaName: 'Centro',
  url: `https://city.example/reports/2026-00000${n}`,
});

describe('alert mails', () => {
  it('confirmation: in the subscriber language, HTML and text, no unsubscribe link needed', () => {
    const mail = confirmationMail({
      email: 'ana@example.org',
      locale: 'en',
      target: { scope: 'radius', lat: 40.4169, lon: -3.7035, radius: 500 },
      frequency: 'daily',
      confirmUrl: 'https://city.example/alerts/confirm/abc',
    });
    expect(mail.subject).toBe('Confirm your report alert');
    expect(mail.text).toContain('within 500 m of 40.41690, -3.70350');
    expect(mail.text).toContain('in a daily digest');
    expect(mail.text).toContain('https://city.example/alerts/confirm/abc');
    expect(mail.html).toContain('<html lang="en"');
  });

  it('instant: public fields, escaped in HTML, with the signed unsubscribe link', () => {
    const mail = instantAlertMail({
      email: 'b@example.org',
      locale: 'es',
      target: { scope: 'area', areaName: 'Centro' },
      report: report(1),
      unsubscribeUrl: 'https://city.example/unsubscribe/u1.x.y',
    });
    expect(mail.subject).toBe('Nuevo aviso: Farola <apagada> 1');
    expect(mail.unsubscribeUrl).toBe('https://city.example/unsubscribe/u1.x.y');
    expect(mail.html).toContain('Farola &lt;apagada&gt; 1');
    expect(mail.html).not.toContain('<apagada>');
    expect(mail.text).toContain('Distrito: Centro');
    expect(mail.text).toContain('https://city.example/unsubscribe/u1.x.y');
  });

  it('digest: lists at most DIGEST_LIST_MAX reports and counts the rest', () => {
    const reports = Array.from({ length: DIGEST_LIST_MAX + 3 }, (_, i) => report(i));
    const mail = digestMail({
      email: 'c@example.org',
      locale: 'es',
      target: { scope: 'category', categoryName: 'Farola' },
      day: '2026-11-22',
      reports,
      mapUrl: 'https://city.example/',
      unsubscribeUrl: 'https://city.example/unsubscribe/u1.x.y',
    });
    expect(mail.subject).toBe(`${DIGEST_LIST_MAX + 3} avisos nuevos el 22 de noviembre de 2026`);
    expect(mail.text).toContain('Y 3 más en el mapa.');
    expect(mail.text.match(/https:\/\/city\.example\/reports\//g)).toHaveLength(DIGEST_LIST_MAX);
  });

  it('confirmation: in Basque, with the radius and the link’s days', () => {
    const mail = confirmationMail({
      email: 'miren@example.org',
      locale: 'eu',
      target: { scope: 'radius', lat: 43.2630, lon: -2.9350, radius: 1500 },
      frequency: 'instant',
      confirmUrl: 'https://city.example/alerts/confirm/abc?lang=eu',
    });
    expect(mail).toMatchObject({ locale: 'eu', subject: 'Berretsi zure abisu-alerta', priority: 'bulk' });
    expect(mail.html).toContain('<html lang="eu"');
    expect(mail.text).toContain('43.26300, -2.93500 puntutik 1.500 m baino gutxiagora argitaratzen diren abisu berriak');
    expect(mail.text).toContain('argitaratu bezain laster');
    expect(mail.text).toContain('Esteka 7 egun barru iraungiko da.');
  });

  it('instant: in Catalan and Galician, names in the subscriber’s language', () => {
    const ca = instantAlertMail({
      email: 'b@example.org',
      locale: 'ca',
      target: { scope: 'category', categoryName: 'Enllumenat' },
      report: { ...report(2), categoryName: 'Enllumenat' },
      unsubscribeUrl: 'https://city.example/unsubscribe/u1.x.y',
    });
    expect(ca).toMatchObject({ locale: 'ca', subject: 'Avís nou: Farola <apagada> 2' });
    expect(ca.text).toContain('Avís nou de la categoria «Enllumenat»');
    expect(ca.text).toContain('Districte: Centro');
    expect(ca.text).toContain('No vols rebre més avisos com aquest? Donar-se de baixa: https://city.example/unsubscribe/u1.x.y');
    expect(ca.html).toContain('<html lang="ca"');
    const gl = instantAlertMail({ email: 'x@example.org', locale: 'gl', target: { scope: 'area', areaName: 'Centro' }, report: report(3), unsubscribeUrl: 'https://u' });
    expect(gl.text).toContain('Novo aviso no distrito Centro');
  });

  it('digest: plural forms and the day written the way each language writes it', () => {
    const one = { email: 'c@example.org', target: { scope: 'area', areaName: 'Centro' } as const, day: '2026-11-22', reports: [report(1)], mapUrl: 'https://city.example/', unsubscribeUrl: 'https://u' };
    expect(digestMail({ ...one, locale: 'es' }).subject).toBe('1 aviso nuevo el 22 de noviembre de 2026');
    expect(digestMail({ ...one, locale: 'es' }).text).toContain('Se publicó 1 aviso el 22 de noviembre de 2026:');
    expect(digestMail({ ...one, locale: 'en' }).subject).toBe('1 new report on 22 November 2026');
    const eu = digestMail({ ...one, locale: 'eu', reports: [report(1), report(2)] });
    expect(eu).toMatchObject({ locale: 'eu', subject: `2 abisu berri: ${formatDay('2026-11-22', 'eu')}` });
    expect(eu.text).toContain('Abisu berriak Centro barrutian');
    expect(eu.html).toContain('<html lang="eu"');
    expect(digestMail({ ...one, locale: 'gl', reports: [report(1), report(2)] }).subject).toBe('2 avisos novos o 22 de novembro de 2026');
    expect(digestMail({ ...one, locale: 'ca' }).subject).toBe('1 avís nou el 22 de novembre del 2026');
  });

  it('describes a subscription for the unsubscribe page in each language', () => {
    const target = { scope: 'radius', lat: 40.4169, lon: -3.7035, radius: 500 } as const;
    expect(describeTarget(target, 'es')).toBe('a menos de 500 m del punto 40.41690, -3.70350');
    expect(describeTarget({ scope: 'area', areaName: 'Centro' }, 'en')).toBe('in the Centro district');
    expect(describeTarget({ scope: 'category', categoryName: 'Argiteria' }, 'eu')).toBe('«Argiteria» kategorian');
  });
});
