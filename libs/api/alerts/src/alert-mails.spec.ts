import { confirmationMail, digestMail, DIGEST_LIST_MAX, instantAlertMail } from './alert-mails';

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
});
