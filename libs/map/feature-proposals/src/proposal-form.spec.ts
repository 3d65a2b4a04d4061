import { describe, expect, it } from '@jest/globals';
import { serverErrors, toBody, toInput, validateDraft, type ProposalDraft } from './proposal-form';

const good: ProposalDraft = {
  title: 'Más bancos en la plaza',
  summary: 'Poner bancos a la sombra para que los mayores puedan descansar.',
  description:
    'En la plaza solo hay dos bancos y están al sol todo el día; pedimos al menos cuatro más bajo los árboles.',
  theme: 'urbanismo',
  location: null,
  area: '',
  images: [],
  showName: false,
};

describe('new proposal form', () => {
  it('accepts a complete draft and sends trimmed text without a point', () => {
    expect(validateDraft(good)).toEqual({});
    expect(toInput({ ...good, title: `  ${good.title} ` })).toEqual({
      title: good.title,
      summary: good.summary,
      description: good.description,
      theme: 'urbanismo',
      showName: false,
    });
  });

  it('says which fields are too short and that a theme is needed', () => {
    const errors = validateDraft({ ...good, title: 'Bancos', theme: '' });
    expect(Object.keys(errors).sort()).toEqual(['theme', 'title']);
    expect(errors.title?.params).toEqual({ min: 8, max: 140 });
  });

  it('puts the API point errors on the map field', () => {
    expect(serverErrors([{ field: 'lat', code: 'outside_areas', message: 'x' }]).location?.key).toBe(
      'newProposal.error.outside',
    );
    expect(toInput({ ...good, location: { lat: 40.4, lon: -3.7 } })).toMatchObject({ lat: 40.4, lon: -3.7 });
  });

  it('sends the district only without a point, and images as multipart', () => {
    expect(toInput({ ...good, area: 'centro' })).toMatchObject({ area: 'centro' });
    expect(toInput({ ...good, area: 'centro', location: { lat: 40.4, lon: -3.7 } })).not.toHaveProperty('area');
    expect(toBody(good).json).toBe(true);
    const image = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    const { body, json } = toBody({ ...good, images: [image as File, image as File] });
    expect(json).toBe(false);
    const form = body as FormData;
    expect(form.getAll('images')).toHaveLength(2);
    expect(form.get('showName')).toBe('false');
    expect(form.get('theme')).toBe('urbanismo');
    expect(serverErrors([{ field: 'images', code: 'too_many', message: 'x' }]).images?.key).toBe('newProposal.error.images');
  });
});
