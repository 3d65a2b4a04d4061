import { hiddenMail } from './moderation-mails';

const base = {
  email: 'autor@example.org',
  publicUrl: 'https://plaza.example',
  target: { type: 'comment' } as Parameters<typeof hiddenMail>[0]['target'],
  reason: 'personal_data',
  provisional: false,
  decisionId: 'd-1',
};

describe('the mail telling an author their content was hidden', () => {
  it('gives the reason and the way to ask for a review, as HTML and plain text, in Spanish', () => {
    const mail = hiddenMail({ ...base, locale: 'es' });
    expect(mail).toMatchObject({ to: 'autor@example.org', locale: 'es', subject: 'Hemos ocultado tu contenido' });
    expect(mail.text).toContain('Motivo: datos personales.');
    expect(mail.text).toContain('https://plaza.example/account/notifications');
    expect(mail.html).toContain('<html lang="es"');
    expect(mail.html).toContain('href="https://plaza.example/account/notifications"');
  });

  it('says when the hiding is provisional, in English', () => {
    const mail = hiddenMail({ ...base, locale: 'en', provisional: true, reason: 'pending_review' });
    expect(mail.subject).toBe('Your content is hidden until we review it');
    expect(mail.text).toContain('temporarily hidden your comment');
  });
});
