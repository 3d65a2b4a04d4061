import { describe, expect, it } from '@jest/globals';
import { createTranslator, loadCatalogue } from '@plaza/web/i18n';
// The test builds the API client's real errors (the code under test only reads their shape).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ApiError, NetworkError } from '@plaza/web/api-client';
import { toFormErrors, type FormFields } from './form-errors';

const { t } = createTranslator('es', await loadCatalogue('es'));
const FIELDS: FormFields = {
  code: { id: 'd-code', label: 'Código' },
  'name.es': { id: 'd-name-es', label: 'Nombre en español' },
  name: { id: 'd-name-es', label: 'Nombre en español' },
  'name.en': { id: 'd-name-en', label: 'Nombre en inglés' },
  contactEmail: { id: 'd-email', label: 'Correo de contacto' },
};

function validation(errors: Array<{ field: string; code: string; message: string }>): ApiError {
  return new ApiError(422, { type: 't', title: 'Unprocessable Content', status: 422, code: 'REQUEST.VALIDATION', errors });
}

describe('toFormErrors', () => {
  it('puts each field error beside its control, translated, and lists them in form order', () => {
    const errors = toFormErrors(
      validation([
        { field: 'contactEmail', code: 'invalid_email', message: 'contactEmail must be an email' },
        { field: 'name.es', code: 'required', message: 'es should not be empty' },
      ]),
      FIELDS,
      t,
    );
    expect(errors.byId).toEqual({
      'd-email': 'Escribe una dirección de correo válida, como nombre@ejemplo.es.',
      'd-name-es': 'Este campo es obligatorio.',
    });
    expect(errors.items.map((i) => i.targetId)).toEqual(['d-name-es', 'd-email']);
    expect(errors.items[0]?.message).toBe('Nombre en español: Este campo es obligatorio.');
    expect(errors.general).toEqual([]);
  });

  it('falls back to the parent control and to the server sentence for unknown codes', () => {
    const errors = toFormErrors(validation([{ field: 'name.ca', code: 'weird', message: 'Catalan name is odd' }]), FIELDS, t);
    expect(errors.byId).toEqual({ 'd-name-es': 'Catalan name is odd' });
  });

  it('keeps errors on fields the form does not show in the summary', () => {
    const errors = toFormErrors(validation([{ field: 'group.es', code: 'required', message: 'x' }]), FIELDS, t);
    expect(errors.byId).toEqual({});
    expect(errors.general).toEqual(['group.es: Este campo es obligatorio.']);
  });

  it('says "choose at least one" for a required list of choices', () => {
    const fields: FormFields = { departmentIds: { id: 'u-departments', label: 'Departamentos', choice: true } };
    const errors = toFormErrors(validation([{ field: 'departmentIds', code: 'required', message: 'Department staff need one.' }]), fields, t);
    expect(errors.byId).toEqual({ 'u-departments': 'Elige al menos una opción.' });
  });

  it('turns a code conflict into an error on the code field', () => {
    const conflict = new ApiError(409, {
      type: 't',
      title: 'Conflict',
      status: 409,
      code: 'DEPARTMENT.CODE_TAKEN',
      detail: 'A department with code "x" already exists.',
    });
    const errors = toFormErrors(conflict, FIELDS, t);
    expect(errors.byId).toEqual({ 'd-code': 'Ya existe un registro con este valor.' });
    expect(errors.general).toEqual([]);
  });

  it('explains failures with no field errors in one sentence', () => {
    expect(toFormErrors(new NetworkError(new TypeError('Failed to fetch')), FIELDS, t).general).toEqual([
      'No se ha podido conectar con el servidor. Comprueba tu conexión e inténtalo de nuevo.',
    ]);
    const limited = new ApiError(429, { type: 't', title: 'Too Many Requests', status: 429, code: 'AUTH.TOO_MANY_ATTEMPTS' }, 30);
    expect(toFormErrors(limited, FIELDS, t).general).toEqual(['Demasiados intentos. Vuelve a probar dentro de 30 segundos.']);
    expect(toFormErrors(limited, FIELDS, t, () => 'custom').general).toEqual(['custom']);
  });
});
