import { checkStyle, findJargon, findShouting, passesStyle } from './style-check';

const GOOD_ES =
  'Hola:\nGracias por avisar. Ya hemos cambiado la farola de la calle Toledo y ahora funciona bien.\nUn saludo,\nAyuntamiento';
const GOOD_EN = 'Hello,\nThank you for your report. We replaced the street light and it works again.\nKind regards,\nCity Hall';

const rules = (text: string, locale: 'es' | 'en' = 'es', options = {}) => checkStyle(text, locale, options).map((f) => f.rule);

describe('checkStyle', () => {
  it('accepts a short, plain, polite reply in Spanish and in English', () => {
    expect(checkStyle(GOOD_ES, 'es')).toEqual([]);
    expect(checkStyle(GOOD_EN, 'en')).toEqual([]);
  });

  it('asks for a greeting in the reply language', () => {
    const noGreeting = GOOD_ES.replace('Hola:\n', '');
    expect(rules(noGreeting)).toEqual(['greeting']);
    expect(rules(GOOD_ES, 'en')).toContain('greeting');
    expect(rules('Buenos días, ' + noGreeting)).toEqual([]);
    expect(rules('Estimada vecina: ' + noGreeting)).toEqual([]);
  });

  it('asks for a closing in the last lines', () => {
    const findings = checkStyle('Hola:\nYa hemos cambiado la farola de la calle Toledo y ahora funciona bien de nuevo.', 'es');
    expect(findings).toEqual([{ rule: 'closing', severity: 'warning', messageKey: 'style.closing', params: {} }]);
  });

  it('checks length bounds', () => {
    expect(checkStyle('Hola, arreglado. Saludos.', 'es')).toContainEqual(
      expect.objectContaining({ rule: 'too_short', severity: 'error', params: { length: 25, min: 60 } }),
    );
    expect(rules(GOOD_ES, 'es', { maxLength: 50 })).toEqual(['too_long']);
  });

  it('reports internal jargon, with a configurable list', () => {
    const text = 'Hola:\nSe ha abierto la OT 4411 en SAP y la incidencia derivada a brigada. Gracias por avisar.\nUn saludo';
    const jargon = checkStyle(text, 'es').find((f) => f.rule === 'jargon');
    expect(jargon).toMatchObject({ severity: 'error', params: { terms: 'incidencia derivada a brigada, OT, SAP', count: 3 } });
    expect(rules(GOOD_ES, 'es', { jargon: ['farola'] })).toEqual(['jargon']);
  });

  it('reports shouting but not allowed acronyms', () => {
    const text = 'Hola:\nYa hemos cambiado la farola. NUNCA vuelva a llamar al 010 por esto, URGENTE. Su DNI no hace falta.\nUn saludo';
    expect(checkStyle(text, 'es').find((f) => f.rule === 'shouting')?.params).toEqual({ words: 'NUNCA, URGENTE', count: 2 });
  });

  it('warns when a Spanish reply is hard to read, and only in Spanish', () => {
    const dense =
      'Estimada ciudadana: consecuentemente, la administración municipal procederá a la implementación de las actuaciones correspondientes de conformidad con la normativa reglamentaria aplicable. Atentamente';
    const finding = checkStyle(dense, 'es').find((f) => f.rule === 'readability');
    expect(finding?.severity).toBe('warning');
    expect(Number(finding?.params['score'])).toBeLessThan(55);
    expect(rules(dense, 'es', { minReadability: Number(finding?.params['score']) })).not.toContain('readability');
    expect(rules(dense, 'en')).not.toContain('readability');
  });
});

describe('helpers', () => {
  it('matches jargon as whole words; acronyms case-sensitively', () => {
    expect(findJargon('La otra opción', ['OT'])).toEqual([]);
    expect(findJargon('Abierta OT.', ['OT'])).toEqual(['OT']);
    expect(findJargon('Expediente Interno 3', ['expediente interno'])).toEqual(['expediente interno']);
  });

  it('finds each shouted word once', () => {
    expect(findShouting('AVISO aviso AVISO ok EMT', ['EMT'])).toEqual(['AVISO']);
  });

  it('passes when only warnings remain', () => {
    expect(passesStyle([{ rule: 'closing', severity: 'warning', messageKey: 'style.closing', params: {} }])).toBe(true);
    expect(passesStyle([{ rule: 'greeting', severity: 'error', messageKey: 'style.greeting', params: {} }])).toBe(false);
  });
});
