import { blockingStyleFindings, fieldsOf, kindsOf, screenFields } from './screening';

describe('screenFields', () => {
  it('names the field of every finding and skips empty fields', () => {
    const findings = screenFields({
      title: 'Bache en la calle Mayor 12',
      description: 'Llamadme al 612 345 678, DNI 12345678Z',
      address: null,
    });
    expect(findings.map((f) => [f.field, f.kind])).toEqual([
      ['description', 'phone'],
      ['description', 'dni'],
    ]);
    expect(kindsOf(findings)).toEqual(['dni', 'phone']);
    expect(fieldsOf(findings)).toEqual(['description']);
  });

  it('finds nothing in an ordinary report', () => {
    expect(
      screenFields({
        title: 'Farola fundida',
        description: 'Frente al número 127 desde 2024',
        address: 'Calle Mayor 12, 28013 Madrid',
      }),
    ).toEqual([]);
  });
});

describe('blockingStyleFindings', () => {
  const good =
    'Hola, gracias por avisarnos. El equipo de alumbrado ha cambiado la farola esta mañana. Un saludo.';

  it('blocks "ok": no greeting and far too short', () => {
    expect(blockingStyleFindings('ok').map((f) => f.rule)).toEqual(['greeting', 'too_short']);
  });

  it('passes a reply that follows the guide, and ignores advisory rules', () => {
    expect(blockingStyleFindings(good, 'es')).toEqual([]);
    // No sign-off is a warning only.
    expect(
      blockingStyleFindings(
        'Hola, el equipo de alumbrado ha cambiado la farola esta misma mañana sin más.',
        'es',
      ),
    ).toEqual([]);
  });

  it('judges a reply without a language in whichever language it passes', () => {
    expect(
      blockingStyleFindings(
        'Hello, thank you for telling us. The lighting team replaced the lamp this morning. Regards.',
      ),
    ).toEqual([]);
    expect(
      blockingStyleFindings(
        'Hello, thank you for telling us. The lighting team replaced the lamp this morning.',
        'es',
      ).map((f) => f.rule),
    ).toEqual(['greeting']);
  });

  it('blocks internal jargon', () => {
    expect(
      blockingStyleFindings(
        'Hola, hemos abierto una orden de trabajo para arreglar la farola esta semana. Un saludo.',
        'es',
      ).map((f) => f.rule),
    ).toEqual(['jargon']);
  });
});
