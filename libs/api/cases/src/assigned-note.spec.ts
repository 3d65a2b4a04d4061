import { assignedNote } from './case-move-runner';

describe('the timeline note of a hand-over', () => {
  const lighting = { es: 'Alumbrado Público', en: 'Street Lighting', ca: 'Enllumenat Públic' };

  it('names the department in the language of the staff member who moved the case', () => {
    expect(assignedNote(lighting, 'es')).toBe('Asignada a Alumbrado Público.');
    expect(assignedNote(lighting, 'en')).toBe('Assigned to Street Lighting.');
    expect(assignedNote(lighting, 'ca')).toBe('Assignada a Enllumenat Públic.');
    // No Basque name in the data: the city's Spanish one, in a Basque sentence.
    expect(assignedNote(lighting, 'eu')).toBe('Alumbrado Público sailari esleitua.');
  });

  it('says "another department" when the department is gone', () => {
    expect(assignedNote(null, 'gl')).toBe('Asignada a outro departamento.');
  });
});
