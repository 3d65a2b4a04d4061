import { detectPersonalData, dniCheckLetter, redact, redactionLabel } from './personal-data';

const kinds = (text: string) => detectPersonalData(text).map((s) => [s.kind, s.text]);

describe('dniCheckLetter', () => {
  it('follows the modulo-23 table', () => {
    expect(dniCheckLetter(12345678)).toBe('Z');
    expect(dniCheckLetter(0)).toBe('T');
    expect(dniCheckLetter(22)).toBe('E');
  });
});

describe('detectPersonalData', () => {
  it('finds a DNI with a valid check letter, in several spellings', () => {
    expect(kinds('Mi DNI es 12345678Z, gracias')).toEqual([['dni', '12345678Z']]);
    expect(kinds('DNI: 12345678-z.')).toEqual([['dni', '12345678-z']]);
    expect(kinds('dni 12.345.678 Z')).toEqual([['dni', '12.345.678 Z']]);
  });

  it('ignores a DNI-shaped number whose letter does not match', () => {
    expect(kinds('Código 12345678A')).toEqual([]);
  });

  it('finds a NIE and validates its letter with X/Y/Z as 0/1/2', () => {
    // X1234567 → 01234567 % 23 = 19 → L; Y1234567 → 11234567 % 23 = 10 → X
    expect(kinds('NIE X1234567L')).toEqual([['nie', 'X1234567L']]);
    expect(kinds('NIE Y-1234567-X')).toEqual([['nie', 'Y-1234567-X']]);
    expect(kinds('NIE X1234567A')).toEqual([]);
  });

  it.each([
    '612345678',
    '612 345 678',
    '612 34 56 78',
    '91 123 45 67',
    '612.34.56.78',
    '612-345-678',
    '+34 612 345 678',
    '+34612345678',
    '0034 912 345 678',
    '(+34) 812 345 678',
  ])('finds the phone number %s', (phone) => {
    expect(kinds(`Llamadme al ${phone} por la tarde`)).toEqual([['phone', phone]]);
  });

  it('does not take short numbers, report references or postcodes for phones', () => {
    expect(kinds('Ver aviso 2026-000123 y 2026-900123456')).toEqual([]);
    expect(kinds('Calle de Alcalá 45, 3º B, 28014 Madrid')).toEqual([]);
    expect(kinds('Portal 9, piso 6, teléfono 512345678')).toEqual([]);
    expect(kinds('Son 6123456789 euros')).toEqual([]);
  });

  it('finds email addresses', () => {
    expect(kinds('Escribid a maria.lopez+avisos@correo.example.es.')).toEqual([['email', 'maria.lopez+avisos@correo.example.es']]);
    expect(kinds('@ayuntamiento en redes')).toEqual([]);
  });

  it('finds current licence plates, but not with vowels', () => {
    expect(kinds('Un coche 1234 BCD aparcado')).toEqual([['plate', '1234 BCD']]);
    expect(kinds('matrícula 0000-XYZ')).toEqual([['plate', '0000-XYZ']]);
    expect(kinds('Desde 2024 AEI nada')).toEqual([]);
  });

  it('finds old provincial plates', () => {
    expect(kinds('la furgoneta M-1234-AB lleva días')).toEqual([['plate', 'M-1234-AB']]);
    expect(kinds('un SE 4321 Z')).toEqual([['plate', 'SE 4321 Z']]);
    expect(kinds('la QQ-1234-AB')).toEqual([]);
  });

  it('finds names after "me llamo", "soy" and "mi nombre es"', () => {
    expect(kinds('Hola, me llamo María López y vivo aquí')).toEqual([['name', 'María López']]);
    expect(kinds('Soy Juan Pérez García López.')).toEqual([['name', 'Juan Pérez García']]);
    expect(kinds('Mi nombre es Ana de la Fuente, vecina')).toEqual([['name', 'Ana de la Fuente']]);
    expect(kinds('soy vecina del barrio')).toEqual([]);
    expect(kinds('Los vecinos de Madrid')).toEqual([]);
  });

  it('returns offsets that slice back to the matched text, in text order', () => {
    const text = 'Soy Luis. Tel 600 111 222, correo luis@example.com, DNI 12345678Z';
    const spans = detectPersonalData(text);
    expect(spans.map((s) => s.kind)).toEqual(['name', 'phone', 'email', 'dni']);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  // The API holds a report for moderation on any finding, so ordinary report text must stay clean.
  it.each([
    'Bache profundo en la calle Mayor 12, frente al portal',
    'Calle Mayor 12, 3º B, 28013 Madrid',
    'Avenida de la Albufera 321 esquina con la calle Arroyo del Olivar 2',
    'Farola fundida desde 2024, el poste 1234 está torcido',
    'Lleva así desde el 12-11-2026 a las 21:30, unos 500 metros de acera',
    'Contenedor número 612 lleno, y el 613 también; son 2 de 3',
    'Km 12,5 de la M-30 sentido A-3',
    'Obras de 2023 a 2025, presupuesto 1.234.567 euros',
    'Referencia catastral 9872023VH5797S0001WX',
    'Coordenadas 40.416775, -3.703790',
    'El autobús 27 y la línea 1 de metro paran aquí',
    'Soy vecino del barrio y paso todos los días',
    'soy de Carabanchel y esto lleva meses así',
    'Soy Usuaria habitual del parque',
    'Ver aviso 2026-000123 y la propuesta 42',
    'Horario de 8:00 a 15:00, de lunes a viernes',
    'El teléfono de averías del Ayuntamiento es el 010',
  ])('finds nothing in ordinary report text: %s', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('does not flag street numbers or dates', () => {
    expect(kinds('Farola fundida frente al número 127 de la calle Toledo desde el 12/11/2026')).toEqual([]);
  });
});

describe('redact', () => {
  it('replaces every span with its placeholder in the chosen language', () => {
    const text = 'Llamad al 612 345 678 o a ana@example.org';
    const spans = detectPersonalData(text);
    expect(redact(text, spans)).toBe('Llamad al [teléfono oculto] o a [correo oculto]');
    expect(redact(text, spans, 'en')).toBe('Llamad al [phone hidden] o a [email hidden]');
  });

  it('redacts only the spans it is given', () => {
    const text = 'Soy Eva, 612345678';
    const [, phone] = detectPersonalData(text);
    expect(redact(text, phone ? [phone] : [])).toBe('Soy Eva, [teléfono oculto]');
  });

  it('ignores overlapping and out-of-range spans instead of corrupting the text', () => {
    const text = 'abc 612345678';
    expect(
      redact(text, [
        { start: 4, end: 13, kind: 'phone', text: '612345678' },
        { start: 2, end: 6, kind: 'name', text: 'c 61' },
        { start: 10, end: 99, kind: 'email', text: '' },
      ]),
    ).toBe('abc [teléfono oculto]');
  });

  it('falls back to Spanish labels for a language without its own', () => {
    expect(redactionLabel('dni', 'eu')).toBe('[DNI oculto]');
    expect(redactionLabel('name', 'gl')).toBe('[nome oculto]');
  });
});
