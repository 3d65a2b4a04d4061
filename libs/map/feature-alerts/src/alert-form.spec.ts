import { alertRequest, controlErrors, EMPTY_DRAFT, feedQuery } from './alert-form';

describe('alert form', () => {
  it('sends only the fields of the chosen scope', () => {
    const base = {
      ...EMPTY_DRAFT,
      email: ' ana@example.org ',
      consent: true,
      area: '07',
      category: 'bache',
      point: { lat: 40.4, lon: -3.7 },
    };
    expect(alertRequest({ ...base, scope: 'area' })).toEqual({
      input: { email: 'ana@example.org', scope: 'area', area: '07', frequency: 'instant', consent: true },
    });
    expect(alertRequest({ ...base, scope: 'category', frequency: 'daily' })).toEqual({
      input: {
        email: 'ana@example.org',
        scope: 'category',
        category: 'bache',
        frequency: 'daily',
        consent: true,
      },
    });
    expect(alertRequest({ ...base, scope: 'radius', radius: 1000 })).toEqual({
      input: {
        email: 'ana@example.org',
        scope: 'radius',
        lat: 40.4,
        lon: -3.7,
        radius: 1000,
        frequency: 'instant',
        consent: true,
      },
    });
  });

  it('names every missing choice before sending', () => {
    expect(alertRequest({ ...EMPTY_DRAFT, scope: 'radius', email: 'nope' })).toEqual({
      problems: { 'alert-point': 'point', 'alert-email': 'email', 'alert-consent': 'consent' },
    });
    expect(alertRequest({ ...EMPTY_DRAFT, email: 'a@b.es', consent: true })).toEqual({
      problems: { 'alert-area': 'area' },
    });
  });

  it('puts API field errors beside their controls', () => {
    const errors = controlErrors([
      { field: 'lat', code: 'invalid', message: 'a' },
      { field: 'lon', code: 'invalid', message: 'b' },
      { field: 'email', code: 'invalid_email', message: 'c' },
      { field: 'mystery', code: 'x', message: 'd' },
    ]);
    expect(Object.keys(errors)).toEqual(['alert-point', 'alert-email']);
    expect(errors['alert-point']!.message).toBe('a');
  });

  it('builds the matching feed query', () => {
    expect(feedQuery({ ...EMPTY_DRAFT, area: '01' }, 'es')).toBe('area=01&lang=es');
    expect(
      feedQuery({ ...EMPTY_DRAFT, scope: 'radius', point: { lat: 40.41, lon: -3.7 }, radius: 250 }, 'en'),
    ).toBe('lat=40.41&lon=-3.7&radius=250&lang=en');
    expect(feedQuery({ ...EMPTY_DRAFT, scope: 'category' }, 'es')).toBe('lang=es');
  });
});
