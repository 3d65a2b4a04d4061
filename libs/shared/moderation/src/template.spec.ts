import { fillTemplate, templatePlaceholders } from './template';

describe('fillTemplate', () => {
  it('fills every known placeholder, as often as it appears', () => {
    const filled = fillTemplate('Aviso {ref} ({category}) en {area}: {department}, {date}. Estado: {status}. Ref. {ref}', {
      ref: '2026-000123',
      category: 'Alumbrado',
      area: 'Centro',
      department: 'Alumbrado público',
      date: '4 de diciembre de 2026',
      status: 'resuelto',
    });
    expect(filled).toEqual({
      text: 'Aviso 2026-000123 (Alumbrado) en Centro: Alumbrado público, 4 de diciembre de 2026. Estado: resuelto. Ref. 2026-000123',
      unknown: [],
      missing: [],
    });
  });

  it('reports unknown placeholders and leaves them in place', () => {
    expect(fillTemplate('Hola {nombre}, aviso {ref} {nombre} {x1}', { ref: 'R1' })).toEqual({
      text: 'Hola {nombre}, aviso R1 {nombre} {x1}',
      unknown: ['nombre', 'x1'],
      missing: [],
    });
  });

  it('reports known placeholders without a value', () => {
    expect(fillTemplate('{department} el {date}', { department: '', date: null })).toEqual({
      text: '{department} el {date}',
      unknown: [],
      missing: ['department', 'date'],
    });
  });

  it('does not treat other braces as placeholders', () => {
    expect(fillTemplate('{ ref } {} {{ref}}', { ref: 'R' }).text).toBe('{ ref } {} {R}');
  });

  it('does not re-expand placeholders inside values', () => {
    expect(fillTemplate('{category}', { category: '{ref}', ref: 'R' }).text).toBe('{ref}');
  });
});

describe('templatePlaceholders', () => {
  it('lists each placeholder once', () => {
    expect(templatePlaceholders('{ref} {ref} {area} {foo}')).toEqual(['ref', 'area', 'foo']);
  });
});
