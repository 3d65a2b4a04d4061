import { createTranslator, loadCatalogue } from '@plaza/web/i18n';
import { EMPTY_DRAFT, formErrorsFromApi, validateStep } from './draft';

const en = createTranslator('en', await loadCatalogue('en'));

describe('formErrorsFromApi', () => {
  it('places API field errors beside their controls, first step first, one per control', () => {
    const { placed, other } = formErrorsFromApi(
      [
        { field: 'reporter.email', code: 'invalid_email', message: 'email must be an email' },
        { field: 'photos[1]', code: 'not_an_image', message: 'This file is not an image.' },
        { field: 'title', code: 'too_long', message: 'x' },
        { field: 'title', code: 'too_short', message: 'y' },
        { field: 'Idempotency-Key', code: 'reused', message: 'Use a new key for a new report.' },
      ],
      en,
    );
    expect(placed.map((e) => [e.step, e.id])).toEqual([
      ['details', 'nr-photos'],
      ['details', 'nr-title'],
      ['contact', 'nr-email'],
    ]);
    expect(placed[0]?.message).toContain('2');
    expect(placed[1]?.message).toContain('120');
    expect(other).toEqual(['Use a new key for a new report.']);
  });
});

describe('validateStep', () => {
  it('asks for a location inside the city', () => {
    expect(validateStep('location', EMPTY_DRAFT, en, true).map((e) => e.id)).toEqual(['nr-location']);
    const outside = { ...EMPTY_DRAFT, location: { lat: 48.85, lon: 2.35 }, area: null };
    expect(validateStep('location', outside, en, true)).toHaveLength(1);
    // Without the areas layer the API decides.
    expect(validateStep('location', outside, en, false)).toEqual([]);
  });

  it('checks lengths, a plausible email and consent, leaving the final word to the API', () => {
    const details = validateStep('details', { ...EMPTY_DRAFT, title: 'ab', description: ' ' }, en, true);
    expect(details.map((e) => e.id)).toEqual(['nr-title', 'nr-description']);
    const contact = validateStep('contact', { ...EMPTY_DRAFT, name: 'Ana', email: 'ana', phone: 'abc' }, en, true);
    expect(contact.map((e) => e.id)).toEqual(['nr-email', 'nr-phone', 'nr-consent']);
    // "vecina@barrio" looks like an address here; the API refuses it (no domain), by design.
    expect(validateStep('contact', { ...EMPTY_DRAFT, name: 'Ana', email: 'vecina@barrio', consent: true }, en, true)).toEqual([]);
  });
});
