import { negotiateLocale, pickText } from './locale';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'es'],
    ['', 'es'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,ca;q=0.5', 'ca'],
    ['de, en;q=0.1, eu;q=0.8', 'eu'],
    ['en;q=0, gl', 'gl'],
    ['fr', 'es'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('pickText', () => {
  it('falls back to Spanish when a language is missing', () => {
    expect(pickText({ es: 'Farola', en: 'Street light' }, 'eu')).toBe('Farola');
    expect(pickText({ es: 'Farola', en: 'Street light', ca: 'Fanal' }, 'ca')).toBe('Fanal');
  });
});
