import { countSyllables, infleszBand, spanishReadability, textStats } from './readability';

describe('countSyllables', () => {
  it.each([
    ['casa', 2],
    ['murciélago', 4],
    ['ayuntamiento', 5],
    ['ciudad', 2],
    ['guitarra', 3],
    ['queso', 2],
    ['pingüino', 3],
    ['hoy', 1],
    ['y', 1],
    ['muy', 1],
    ['reyes', 2],
    ['caer', 2],
    ['teatro', 3],
    ['aéreo', 4],
    ['país', 2],
    ['río', 2],
    ['ahí', 2],
    ['búho', 2],
    ['Uruguay', 3],
    ['buey', 1],
    ['averiguáis', 4],
    ['farola', 3],
    ['contenedor', 4],
    ['información', 4],
    ['SAP', 1],
    ['pst', 1],
    ['', 0],
  ])('%s has %i syllables', (word, expected) => {
    expect(countSyllables(word)).toBe(expected);
  });
});

describe('textStats', () => {
  it('counts words, sentences ended by punctuation or line breaks, and syllables', () => {
    expect(textStats('Hola, Ana:\nLa farola ya funciona. ¡Gracias!')).toEqual({ words: 7, sentences: 3, syllables: 14 });
  });
});

describe('spanishReadability', () => {
  it('computes the Szigriszt-Pazos index', () => {
    // he-mos cam-bia-do la fa-ro-la: 4 words, 1 sentence, 9 syllables → 206.835 − 62.3·9/4 − 4 = 62.66
    const result = spanishReadability('Hemos cambiado la farola.');
    expect(result).toMatchObject({ words: 4, sentences: 1, syllables: 9 });
    expect(result?.score).toBeCloseTo(206.835 - 62.3 * (9 / 4) - 4, 1);
  });

  it('scores short plain sentences above long bureaucratic ones', () => {
    const plain = spanishReadability('Ya hemos arreglado la farola. Gracias por avisar. Un saludo.');
    const dense = spanishReadability(
      'Consecuentemente, la administración municipal procederá a la implementación de las actuaciones correspondientes de conformidad con la normativa reglamentaria aplicable.',
    );
    expect(plain?.score).toBeGreaterThan(65);
    expect(dense?.score).toBeLessThan(40);
    expect(dense?.band).toBe('very_difficult');
  });

  it('returns null for text without words', () => {
    expect(spanishReadability('  123 — !')).toBeNull();
  });
});

describe('infleszBand', () => {
  it.each([
    [39.9, 'very_difficult'],
    [40, 'somewhat_difficult'],
    [55, 'normal'],
    [65, 'quite_easy'],
    [80, 'very_easy'],
  ])('%d is %s', (score, band) => {
    expect(infleszBand(score)).toBe(band);
  });
});
