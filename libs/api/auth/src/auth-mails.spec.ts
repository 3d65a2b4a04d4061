import { invitationMail, signInLinkMail } from './auth-mails';

const link = { to: 'ana@example.org', name: 'Ana <b>', locale: 'en', url: 'https://plaza.example/signin/link?token=abc&x=1', validMinutes: 15 };

describe('account mails', () => {
  it('writes the sign-in link in the reader’s language, as HTML and as plain text', () => {
    const mail = signInLinkMail(link);
    expect(mail).toMatchObject({ to: 'ana@example.org', locale: 'en', subject: 'Your link to sign in to Plaza' });
    expect(mail.text).toContain('Hello Ana <b>,');
    expect(mail.text).toContain('for 15 minutes');
    expect(mail.text).toContain(link.url);
    expect(mail.html).toContain('<html lang="en"');
    // The name is the reader's own input: escaped, never markup.
    expect(mail.html).toContain('Hello Ana &lt;b&gt;,');
    expect(mail.html).toContain('href="https://plaza.example/signin/link?token=abc&amp;x=1"');
  });

  it('reads Spanish for any language it is not written in', () => {
    const mail = invitationMail({ ...link, locale: 'ca', validMinutes: 72 * 60 });
    expect(mail.locale).toBe('es');
    expect(mail.subject).toBe('Tienes una cuenta en Plaza');
    expect(mail.text).toContain('durante los próximos 72 horas');
    expect(mail.html).toContain('<html lang="es"');
  });
});
