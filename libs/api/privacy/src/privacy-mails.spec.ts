import { emailChangeMail, inactivityWarningMail, reporterDataMail } from './privacy-mails';

const link = { to: 'ana@example.org', url: 'https://plaza.example/account/data?email-token=t', validHours: 24 };

describe('data-protection mails', () => {
  it('asks to confirm a new address in the reader’s language, counting the hours', () => {
    const es = emailChangeMail({ ...link, locale: 'es' });
    expect(es).toMatchObject({ to: 'ana@example.org', locale: 'es', subject: 'Confirma tu nuevo correo en Plaza' });
    expect(es.text).toContain('durante las próximas 24 horas.');
    expect(es.text).toContain('Confirmar mi correo: https://plaza.example/account/data?email-token=t');
    expect(emailChangeMail({ ...link, locale: 'en', validHours: 1 }).text).toContain('within the next hour.');
    const eu = emailChangeMail({ ...link, locale: 'eu' });
    expect(eu).toMatchObject({ locale: 'eu', subject: 'Berretsi zure helbide elektroniko berria Plazan' });
    expect(eu.text).toContain('hurrengo 24 orduetan');
    expect(eu.html).toContain('<html lang="eu"');
  });

  it('sends an anonymous reporter the link to their data in Catalan or Galician', () => {
    const ca = reporterDataMail({ ...link, locale: 'ca' });
    expect(ca).toMatchObject({ locale: 'ca', subject: 'Les teves dades a Plaza' });
    expect(ca.text).toContain('l’Ajuntament guarda');
    expect(ca.html).toContain('<html lang="ca"');
    expect(reporterDataMail({ ...link, locale: 'gl' }).text).toContain('o Concello garda');
  });

  it('warns of an inactive account’s erasure with the days left, in the account’s language', () => {
    const warning = { to: 'ana@example.org', name: 'Ana', url: 'https://plaza.example/signin', days: 30 };
    const es = inactivityWarningMail({ ...warning, locale: 'es' });
    expect(es.text).toContain('Hola, Ana: hace mucho que no entras en Plaza.');
    expect(es.text).toContain('dentro de 30 días.');
    expect(inactivityWarningMail({ ...warning, locale: 'es', days: 1 }).text).toContain('dentro de 1 día.');
    const eu = inactivityWarningMail({ ...warning, locale: 'eu', days: 1 });
    expect(eu).toMatchObject({ locale: 'eu', subject: 'Zure Plazako kontua laster ezabatuko da' });
    expect(eu.text).toContain('egun bat barru');
    expect(inactivityWarningMail({ ...warning, locale: 'en' }).text).toContain('in 30 days.');
  });
});
