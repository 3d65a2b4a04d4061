import { ATTRIBUTE_LIMITS, attributesOf, deriveTitle, toReportInput } from './open311-submission';
import { Open311Error } from './open311.errors';

const category = { code: 'bache', name: 'Bache o socavón' };
const base = {
  service_code: 'bache',
  lat: '40.4169',
  long: '-3.7035',
  email: 'a@example.org',
  first_name: 'Ana',
  last_name: 'Gil',
};

describe('deriveTitle', () => {
  it('takes the first sentence, without its full stop', () => {
    expect(deriveTitle('Hay un bache enorme. Lleva semanas así.', 'Bache')).toBe('Hay un bache enorme');
    expect(deriveTitle('¿Nadie va a arreglar esto? Es peligroso', 'Bache')).toBe(
      '¿Nadie va a arreglar esto?',
    );
    expect(deriveTitle('  Farola\n apagada  ', 'Farola')).toBe('Farola apagada');
  });

  it('shortens a long sentence at a word boundary to 80 characters', () => {
    const title = deriveTitle(`${'palabra '.repeat(20)}final.`, 'Bache');
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.endsWith('palabra…')).toBe(true);
    expect(deriveTitle('x'.repeat(200), 'Bache')).toHaveLength(80);
  });

  it('falls back to the category name when the description has no usable sentence', () => {
    expect(deriveTitle('', 'Bache o socavón')).toBe('Bache o socavón');
    expect(deriveTitle('Ya.', 'Bache o socavón')).toBe('Bache o socavón');
  });
});

describe('toReportInput', () => {
  it('maps the Open311 fields onto a map submission, name hidden and consent given through the client', () => {
    const { input, extras } = toReportInput(
      {
        ...base,
        description: 'Bache profundo. Junto al paso.',
        phone: '+34 600 000 000',
        address_string: 'Calle Mayor 1',
        media_url: 'https://img.example/x.jpg',
        device_id: 'dev',
        account_id: '42',
      },
      category,
    );
    expect(input).toEqual({
      category: 'bache',
      title: 'Bache profundo',
      description: 'Bache profundo. Junto al paso.',
      lat: 40.4169,
      lon: -3.7035,
      address: 'Calle Mayor 1',
      reporter: { name: 'Ana Gil', email: 'a@example.org', phone: '+34 600 000 000', showName: false },
      consent: true,
    });
    expect(extras).toEqual({ mediaUrl: 'https://img.example/x.jpg', deviceId: 'dev', accountId: '42', attributes: {} });
  });

  it.each([
    [
      'an address without coordinates',
      { service_code: 'bache', address_string: 'Calle Mayor 1' },
      'lat',
      /address_string/,
    ],
    ['no location at all', { service_code: 'bache' }, 'lat', /location is required/],
    ['lat without long', { service_code: 'bache', lat: '40.4' }, 'long', /together/],
    ['a description over 4000 characters', { ...base, description: 'x'.repeat(4001) }, 'description', /4000/],
    ['a media_url that is not http(s)', { ...base, media_url: 'javascript:alert(1)' }, 'media_url', /http/],
    ['a field sent twice', { ...base, email: ['a@example.org', 'b@example.org'] }, 'email', /once/],
  ])('refuses %s with a 400 naming the field', (_name, form, code, description) => {
    let caught: unknown;
    try {
      toReportInput(form, category);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Open311Error);
    expect((caught as Open311Error).status).toBe(400);
    expect((caught as Open311Error).errors[0]).toMatchObject({
      code,
      description: expect.stringMatching(description),
    });
  });

  it('leaves non-numeric coordinates for Plaza’s own validation to name', () => {
    expect(toReportInput({ ...base, lat: 'north' }, category).input.lat).toBe('north');
  });
});

describe('attributesOf', () => {
  it('keeps attribute[code] answers, repeated ones as a list, and drops empty ones', () => {
    expect(
      attributesOf({
        api_key: 'k',
        'attribute[title]': ' Farola ',
        'attribute[hazards][]': ['traffic', 'darkness'],
        'attribute[empty]': '',
        attribute: 'not an attribute',
      }),
    ).toEqual({ title: 'Farola', hazards: ['traffic', 'darkness'] });
  });

  it('refuses an empty code, a value over the limit and too many attributes', () => {
    expect(() => attributesOf({ 'attribute[]': 'x' })).toThrow(Open311Error);
    expect(() => attributesOf({ 'attribute[a]': 'x'.repeat(ATTRIBUTE_LIMITS.valueMax + 1) })).toThrow(/1000/);
    const many = Object.fromEntries(Array.from({ length: ATTRIBUTE_LIMITS.count + 1 }, (_, i) => [`attribute[a${i}]`, 'v']));
    expect(() => attributesOf(many)).toThrow(Open311Error);
  });
});
