import { noticeVersion } from './notice-version';

describe('notice version', () => {
  it('names the text shown in the language shown, and changes when the text does', () => {
    const notice = { es: 'Responsable: Ayuntamiento.\n\nFinalidad: avisos.', en: 'Controller: City Hall.' };
    const es = noticeVersion(notice, 'es');
    expect(es).toEqual({ locale: 'es', version: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(noticeVersion(notice, 'en').version).not.toBe(es.version);
    // Catalan has no text of its own: the Spanish one is shown, and recorded.
    expect(noticeVersion(notice, 'ca')).toEqual(es);
    // Same paragraphs, other line wrapping: same version.
    expect(noticeVersion({ es: 'Responsable:\n Ayuntamiento.\n\n\nFinalidad: avisos.' }, 'es').version).toBe(es.version);
    expect(noticeVersion({ ...notice, es: 'Responsable: Ayuntamiento de Getafe.\n\nFinalidad: avisos.' }, 'es').version).not.toBe(es.version);
  });
});
