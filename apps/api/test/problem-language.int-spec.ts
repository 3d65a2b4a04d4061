import { citizenReport, expectProblem } from './cases-fixtures';
import { createTestApp, type TestApp, type TestResponse } from './create-test-app';

// Problem details reach people (the map and the console show `detail`, third-party apps show
// `title` and field messages): they are written in the request's language, while `type`, `code`
// and each field error's `field` and `code` stay the same in every language (docs/api.md#errors).
describe('problem details in the request language (integration)', () => {
  let t: TestApp;

  const fileInvalid = (headers: Record<string, string>, query = '') =>
    t.inject({
      method: 'POST',
      url: `/api/v1/reports${query}`,
      // No title, a latitude off the globe, and a field no report has.
      payload: citizenReport({ title: undefined, lat: 123, colour: 'red' }),
      headers,
    });
  const stable = (res: TestResponse) => {
    const { type, code, status, errors } = res.json();
    return { type, code, status, errors: errors.map((e: { field: string; code: string }) => ({ field: e.field, code: e.code })) };
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes a 422 in Basque with the same code, type and fields as in Spanish', async () => {
    const basque = await fileInvalid({ 'accept-language': 'eu-ES,eu;q=0.9,es;q=0.5' });
    expectProblem(basque, 422, 'title');
    expect(basque.headers['content-language']).toBe('eu');
    expect(basque.json()).toMatchObject({
      code: 'REQUEST.VALIDATION',
      type: 'urn:plaza:problem:request-validation',
      title: 'Datu baliogabeak',
      detail: 'Eremu batzuk ez dira baliozkoak.',
    });
    const messages = Object.fromEntries(basque.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(messages).toMatchObject({
      title: 'Eremu hau derrigorrezkoa da.',
      lat: '-90 eta 90 arteko latitudea izan behar da.',
      colour: 'Eremu hau ez da onartzen.',
    });

    // No language asked for: Spanish, the city's default; the machine-readable parts are identical.
    const spanish = await fileInvalid({});
    expect(spanish.headers['content-language']).toBe('es');
    expect(spanish.json()).toMatchObject({ title: 'Datos no válidos', detail: 'Algunos campos no son válidos.' });
    expect(stable(spanish)).toEqual(stable(basque));

    // `?lang=` wins over Accept-Language, as on every other answer.
    const english = await fileInvalid({ 'accept-language': 'eu' }, '?lang=en');
    expect(english.headers['content-language']).toBe('en');
    expect(english.json()).toMatchObject({ title: 'Unprocessable Content', detail: 'Some fields are not valid.' });
    expect(stable(english)).toEqual(stable(basque));
  });

  it('writes 404s, places outside the city, malformed bodies and query refusals in Galician and Catalan', async () => {
    const missing = await t.inject({ method: 'GET', url: '/api/v1/reports/2026-999999', headers: { 'accept-language': 'gl' } });
    expectProblem(missing, 404);
    expect(missing.json()).toMatchObject({
      code: 'REPORT.NOT_FOUND',
      title: 'Non se atopou',
      detail: 'Non hai ningún aviso público coa referencia 2026-999999.',
    });

    const broken = await t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: '{"title": ',
      headers: { 'content-type': 'application/json', 'accept-language': 'ca' },
    });
    expectProblem(broken, 400);
    expect(broken.headers['content-language']).toBe('ca');
    expect(broken.json()).toMatchObject({ code: 'REQUEST.MALFORMED', title: 'Sol·licitud incorrecta', detail: 'El cos no és JSON vàlid.' });

    const outside = await t.inject({ method: 'POST', url: '/api/v1/reports', payload: citizenReport({ lat: 43.3, lon: -8.4 }), headers: { 'accept-language': 'gl' } });
    expectProblem(outside, 422, 'lat');
    expect(outside.json()).toMatchObject({
      code: 'REPORT.OUTSIDE_AREAS',
      title: 'Datos non válidos',
      detail: 'O lugar está fóra de todas as zonas que atende a cidade.',
      errors: [
        { field: 'lat', code: 'outside_areas', message: 'Este punto está fóra da cidade.' },
        { field: 'lon', code: 'outside_areas', message: 'Este punto está fóra da cidade.' },
      ],
    });

    const refused = await t.inject({ method: 'GET', url: '/feeds/reports.rss?radius=100', headers: { 'accept-language': 'ca' } });
    expectProblem(refused, 400, 'radius');
    expect(refused.json()).toMatchObject({ code: 'REQUEST.INVALID_QUERY', title: 'Sol·licitud incorrecta', detail: 'El paràmetre «radius» no és vàlid.' });

    const nowhere = await t.inject({ method: 'GET', url: '/api/v1/no-such-thing?lang=gl' });
    expectProblem(nowhere, 404);
    expect(nowhere.json()).toMatchObject({ code: 'REQUEST.NOT_FOUND', title: 'Non se atopou', detail: 'Ese recurso non existe.' });
  });
});
