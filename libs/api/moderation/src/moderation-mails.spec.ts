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
    expect(mail.text).toContain('Hemos ocultado tu comentario en Plaza. Motivo: datos personales.');
    expect(mail.text).toContain('(decisión d-1)');
    expect(mail.text).toContain('https://plaza.example/account/notifications');
    expect(mail.html).toContain('<html lang="es"');
    expect(mail.html).toContain('href="https://plaza.example/account/notifications"');
  });

  it('says when the hiding is provisional, in English', () => {
    const mail = hiddenMail({ ...base, locale: 'en', provisional: true, reason: 'pending_review' });
    expect(mail.subject).toBe('Your content is hidden until we review it');
    expect(mail.text).toContain('temporarily hidden your comment');
    expect(mail.text).toContain('several people flagged it');
  });

  it('names the content and the reason in Basque and Galician', () => {
    const eu = hiddenMail({ ...base, locale: 'eu', target: { type: 'proposal' } as typeof base.target, provisional: true, reason: 'spam' });
    expect(eu).toMatchObject({ locale: 'eu', subject: 'Zure edukia ezkutatuta dago berrikusi arte' });
    expect(eu.text).toContain('Zure proposamena behin-behinean ezkutatu dugu Plazan. Arrazoia: publizitatea edo spama.');
    expect(eu.html).toContain('<html lang="eu"');
    const gl = hiddenMail({ ...base, locale: 'gl', target: { type: 'report' } as typeof base.target });
    expect(gl.text).toContain('Ocultamos o teu aviso en Plaza. Motivo: datos persoais.');
    expect(gl.text).toContain('O equipo de participación do Concello');
  });

  it('reads an unknown reason as "another reason" instead of showing a code', () => {
    expect(hiddenMail({ ...base, locale: 'ca', reason: 'something_new' }).text).toContain('Motiu: un altre motiu.');
  });
});
