import { accountExistsMail, signupLinkMail } from './signup-mails';

describe('sign-up mails', () => {
  it('tells the owner of a taken address, in their language, with the way in and no link token', () => {
    const mail = accountExistsMail({ to: 'ana@example.org', name: 'Ana <b>', locale: 'ca', signInUrl: 'https://plaza.example/signin' });
    expect(mail).toMatchObject({ to: 'ana@example.org', locale: 'ca', priority: 'urgent', subject: 'Algú ha intentat crear un compte a Plaza amb el teu correu' });
    expect(mail.text).toContain('Hola, Ana <b>:');
    expect(mail.text).toContain('https://plaza.example/signin');
    expect(mail.text).not.toMatch(/token=/);
    expect(mail.html).toContain('<html lang="ca"');
    expect(mail.html).toContain('Hola, Ana &lt;b&gt;:');
  });

  it('writes each of the five languages, and Spanish for any other', () => {
    const subjects = ['es', 'en', 'ca', 'eu', 'gl', 'fr'].map(
      (locale) => accountExistsMail({ to: 'x@example.org', name: 'X', locale, signInUrl: 'https://plaza.example/signin' }).subject,
    );
    expect(new Set(subjects.slice(0, 5)).size).toBe(5);
    expect(subjects[5]).toBe(subjects[0]);
  });

  it('mails the link that finishes a sign-up, saying for how long it works', () => {
    const mail = signupLinkMail({ to: 'ana@example.org', name: 'Ana', locale: 'en', url: 'https://plaza.example/signin/link?token=abc', validMinutes: 24 * 60 });
    expect(mail.subject).toBe('Confirm your email address to finish creating your Plaza account');
    expect(mail.text).toContain('It works once, for 24 hours.');
    expect(mail.text).toContain('https://plaza.example/signin/link?token=abc');
    expect(signupLinkMail({ to: 'a@b.c', name: 'A', locale: 'eu', url: 'u', validMinutes: 60 }).text).toContain('ordu batean');
  });
});
