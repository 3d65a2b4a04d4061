import { mailLocale, proposalUpdateMail, reportUpdateMail } from './update-mail';

const report = { ref: '2026-000123', title: 'Farola apagada', url: 'http://plaza.test/reports/2026-000123' };
const proposal = { id: '9', title: 'Más bancos en el parque', url: 'http://plaza.test/proposals/9' };

describe('update mails', () => {
  it('writes the reporter’s mail in their language, quoting the public response, linking the public page', () => {
    const es = reportUpdateMail({ kind: 'status', status: 'fixed', message: 'Cambiada la lámpara.' }, report, 'reporter', 'es');
    expect(es.subject).toBe('Tu aviso 2026-000123: Resuelto');
    expect(es.paragraphs).toContain('«Cambiada la lámpara.»');
    expect(es.action).toEqual({ label: 'Ver el aviso', url: report.url });
    expect(es.footer).toContain('enviaste');
    const en = reportUpdateMail({ kind: 'status', status: 'fixed', message: 'Lamp replaced.' }, report, 'reporter', 'en');
    expect(en.subject).toBe('Your report 2026-000123: Fixed');
    expect(en.locale).toBe('en');
  });

  it('tells followers it is a report they follow, and a reply without status change as a reply', () => {
    const mail = reportUpdateMail({ kind: 'response', status: 'in_progress', message: 'Vamos mañana' }, report, 'follower', 'es');
    expect(mail.subject).toBe('Respuesta del ayuntamiento en el aviso 2026-000123');
    expect(mail.footer).toContain('sigues');
  });

  it('gives the official answer of a proposal with its outcome', () => {
    const mail = proposalUpdateMail({ kind: 'answer', status: 'partially_accepted', message: 'Pondremos dos bancos.' }, proposal, 'author', 'en-GB');
    expect(mail.subject).toBe('Official answer to your proposal “Más bancos en el parque”');
    expect(mail.paragraphs).toEqual(['The city has given its official answer. Outcome: Partially accepted.', '“Pondremos dos bancos.”']);
  });

  it('falls back to Spanish for languages mails are not written in', () => {
    expect(mailLocale('gl')).toBe('es');
    expect(mailLocale(null)).toBe('es');
    expect(mailLocale('EN')).toBe('en');
  });
});
