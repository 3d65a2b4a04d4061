import { invitationMail, signInLinkMail } from './auth-mails';

const link = { to: 'ana@example.org', name: 'Ana <b>', locale: 'en', url: 'https://plaza.example/signin/link?token=abc&x=1', validMinutes: 15 };

describe('account mails', () => {
  it('writes the sign-in link in the reader’s language, as HTML and as plain text', () => {
    const mail = signInLinkMail(link);
    expect(mail).toMatchObject({ to: 'ana@example.org', locale: 'en', subject: 'Your link to sign in to Plaza', priority: 'urgent' });
    expect(mail.text).toContain('Hello Ana <b>,');
    expect(mail.text).toContain('for 15 minutes');
    expect(mail.text).toContain(link.url);
    expect(mail.html).toContain('<html lang="en"');
    // The name is the reader's own input: escaped, never markup.
    expect(mail.html).toContain('Hello Ana &lt;b&gt;,');
    expect(mail.html).toContain('href="https://plaza.example/signin/link?token=abc&amp;x=1"');
  });

  it('writes Spanish, Basque and Galician sign-in links with the right plural', () => {
    const es = signInLinkMail({ ...link, locale: 'es' });
    expect(es).toMatchObject({ locale: 'es', subject: 'Tu enlace para entrar en Plaza' });
    expect(es.text).toContain('Hola, Ana <b>:');
    expect(es.text).toContain('durante 15 minutos.');
    expect(signInLinkMail({ ...link, locale: 'es', validMinutes: 1 }).text).toContain('durante 1 minuto.');

    const eu = signInLinkMail({ ...link, locale: 'eu' });
    expect(eu).toMatchObject({ locale: 'eu', subject: 'Plazan sartzeko zure esteka' });
    expect(eu.html).toContain('<html lang="eu"');
    expect(eu.text).toContain('Kaixo, Ana <b>:');
    expect(eu.text).toContain('15 minutuz.');
    expect(eu.text).toContain('Sartu Plazan: https://plaza.example/');

    const gl = signInLinkMail({ ...link, locale: 'gl-ES' });
    expect(gl).toMatchObject({ locale: 'gl', subject: 'A túa ligazón para entrar en Plaza' });
    expect(gl.html).toContain('<html lang="gl"');
  });

  it('invites staff in Catalan, counting the link’s hours', () => {
    const mail = invitationMail({ ...link, locale: 'ca', validMinutes: 72 * 60 });
    expect(mail.locale).toBe('ca');
    expect(mail.subject).toBe('Tens un compte a Plaza');
    expect(mail.text).toContain('L’Ajuntament t’ha creat un compte a Plaza.');
    expect(mail.text).toContain('durant les properes 72 hores');
    expect(mail.html).toContain('<html lang="ca"');
    expect(invitationMail({ ...link, locale: 'es', validMinutes: 60 }).text).toContain('durante la próxima hora');
  });

  it('reads Spanish for a language Plaza does not speak', () => {
    const mail = invitationMail({ ...link, locale: 'fr', validMinutes: 72 * 60 });
    expect(mail).toMatchObject({ locale: 'es', subject: 'Tienes una cuenta en Plaza' });
    expect(mail.text).toContain('durante las próximas 72 horas');
    expect(mail.html).toContain('<html lang="es"');
  });
});
