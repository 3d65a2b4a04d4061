import { describe, expect, it } from '@jest/globals';
import type { FieldError } from '@plaza/shared/contracts';
import { createTranslator, loadCatalogue } from '@plaza/web/i18n';
// The test builds the API client's real errors (the code under test only reads their shape).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ApiError } from '@plaza/web/api-client';
import { requestErrorMessage } from './error-messages';
import { heldFieldsText, kindsText } from './screening-text';

const { t } = createTranslator('es', await loadCatalogue('es'));
const en = createTranslator('en', await loadCatalogue('en'));

const refused = (code: string, errors: FieldError[]) => new ApiError(422, { type: 't', title: 'Unprocessable Content', status: 422, code, errors });

describe('screening wording', () => {
  it('names the kinds and fields screening held a report for', () => {
    expect(kindsText(t, ['dni', 'phone'])).toBe('DNI, teléfono');
    expect(heldFieldsText(en.t, { kinds: ['email'], fields: ['description', 'address'], heldAt: '2026-12-03T18:00:00Z' })).toBe('Description, Address');
  });

  it('words the API’s refusals of personal data, of an override by department staff, and of style rules', () => {
    expect(requestErrorMessage(t, refused('SCREENING.PERSONAL_DATA', [{ field: 'body', code: 'personal_data', message: 'x', kinds: ['phone'] }]))).toBe(
      'No se ha publicado: el texto contiene datos personales (teléfono).',
    );
    expect(requestErrorMessage(t, refused('SCREENING.PERSONAL_DATA', [{ field: 'override', code: 'not_allowed', message: 'x' }]))).toBe(
      'Solo una gestora de la comunidad puede publicar un texto con datos personales.',
    );
    expect(
      requestErrorMessage(en.t, refused('SCREENING.STYLE_RULES', [{ field: 'body', code: 'style_rules', message: 'x', rules: ['greeting', 'too_short'] }])),
    ).toBe('Not published: the text does not follow the style guide (no greeting, too short).');
  });
});
