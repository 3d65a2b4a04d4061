import { REPORT_STATUS_LABELS } from '@plaza/shared/contracts';
import { proposalStatusLabel, proposalUpdateMail, reportUpdateMail } from './update-mail';

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
    expect(en.paragraphs).toContain('“Lamp replaced.”');
  });

  it('tells followers it is a report they follow, and a reply without status change as a reply', () => {
    const mail = reportUpdateMail({ kind: 'response', status: 'in_progress', message: 'Vamos mañana' }, report, 'follower', 'es');
    expect(mail.subject).toBe('Respuesta del ayuntamiento en el aviso 2026-000123');
    expect(mail.paragraphs).toEqual(['Aviso 2026-000123: «Farola apagada».', 'Estado actual: En curso.', 'El ayuntamiento ha respondido:', '«Vamos mañana»']);
    expect(mail.footer).toContain('sigues');
  });

  it('writes Basque and Catalan mails with the status names every other output uses', () => {
    const eu = reportUpdateMail({ kind: 'status', status: 'fixed', message: null }, report, 'reporter', 'eu');
    expect(eu).toMatchObject({ locale: 'eu', subject: `Zure abisua 2026-000123: ${REPORT_STATUS_LABELS.eu.fixed}` });
    expect(eu.paragraphs).toEqual(['2026-000123 abisua: «Farola apagada».', 'Egoera aldatu da: Konponduta.']);
    expect(eu.action.label).toBe('Ikusi abisua');
    expect(eu.footer).toBe('Mezu hau jasotzen duzu abisu hau zuk bidali zenuelako.');
    const ca = reportUpdateMail({ kind: 'response', status: 'in_progress', message: 'Hi anem demà' }, report, 'follower', 'ca');
    expect(ca.subject).toBe('Resposta de l’ajuntament a l’avís 2026-000123');
    expect(ca.paragraphs).toContain('Estat actual: En curs.');
  });

  it('gives the official answer of a proposal with its outcome', () => {
    const mail = proposalUpdateMail({ kind: 'answer', status: 'partially_accepted', message: 'Pondremos dos bancos.' }, proposal, 'author', 'en-GB');
    expect(mail.subject).toBe('Official answer to your proposal “Más bancos en el parque”');
    expect(mail.paragraphs).toEqual(['The city has given its official answer. Outcome: Partially accepted.', '“Pondremos dos bancos.”']);
    const gl = proposalUpdateMail({ kind: 'status', status: 'in_execution', message: null }, proposal, 'follower', 'gl');
    expect(gl).toMatchObject({ locale: 'gl', subject: 'Proposta «Más bancos en el parque»: En execución', footer: 'Recibes este correo porque segues esta proposta.' });
    const eu = proposalUpdateMail({ kind: 'answer', status: 'accepted', message: null }, proposal, 'author', 'eu');
    expect(eu.subject).toBe('Zure «Más bancos en el parque» proposamenari erantzun ofiziala');
    expect(eu.paragraphs).toEqual(['Udalak erantzun ofiziala eman du. Emaitza: Onartuta.']);
  });

  it('names proposal statuses in each language, and reads Spanish for a language Plaza does not speak', () => {
    expect(proposalStatusLabel('completed', 'ca')).toBe('Duta a terme');
    expect(proposalStatusLabel('rejected', 'gl')).toBe('Non aceptada');
    const fr = reportUpdateMail({ kind: 'status', status: 'fixed', message: null }, report, 'reporter', 'fr');
    expect(fr).toMatchObject({ locale: 'es', subject: 'Tu aviso 2026-000123: Resuelto' });
  });
});
