import { DataSource } from 'typeorm';
import { createTestApp, multipart, type InjectOptions, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, sessionCookieOf, signIn, withSession, type TestSession } from './sessions';

// Areas for the tests lie east of Madrid, away from the seeded districts.
const square = (lon: number, lat: number, size = 0.01) => [
  [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ],
];
/** A self-intersecting "bow-tie": invalid as drawn, two triangles once repaired. */
const BOW_TIE = [
  [
    [-3.0, 40.0],
    [-2.99, 40.01],
    [-2.99, 40.0],
    [-3.0, 40.01],
    [-3.0, 40.0],
  ],
];
const area = (code: string, name: string, geometry: unknown) => ({
  type: 'Feature',
  properties: { code, name },
  geometry,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });


const CEMETERIES = { es: 'Cementerios', en: 'Cemeteries', ca: 'Cementiris', eu: 'Hilerriak', gl: 'Cemiterios' };
describe('administration API (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: TestSession;
  const as = (session: TestSession | null, options: InjectOptions) =>
    t.inject({ ...options, headers: withSession(session, options.headers ?? {}) });
  const auditActions = async (): Promise<string[]> =>
    (await db.query(`SELECT action FROM audit_log ORDER BY seq`)).map((r: { action: string }) => r.action);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedAccounts(t);
    admin = await signIn(t, DEMO.admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates and changes departments, with every language checked and the change audited', async () => {
    const invalid = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/departments',
      payload: { code: 'Bad Code', name: { es: 'Cementerios' }, contactEmail: 'no-email' },
    });
    expect(invalid.statusCode).toBe(422);
    expect(
      invalid
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['code', 'contactEmail', 'name.ca', 'name.en', 'name.eu', 'name.gl']);

    // Every language is required (issue 18): a blank Basque name is named by its field.
    const noBasque = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/departments',
      payload: {
        code: 'cementerios',
        name: { es: 'Cementerios', en: 'Cemeteries', ca: 'Cementiris', eu: '  ', gl: 'Cemiterios' },
        contactEmail: 'cementerios@ayto.example',
      },
    });
    expect(noBasque.statusCode).toBe(422);
    expect(noBasque.headers['content-type']).toContain('application/problem+json');
    expect(noBasque.json().errors).toEqual([expect.objectContaining({ field: 'name.eu' })]);
    const badLocale = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/departments',
      payload: { code: 'cementerios', name: CEMETERIES, contactEmail: 'cementerios@ayto.example', locale: 'fr' },
    });
    expect(badLocale.statusCode).toBe(422);
    expect(badLocale.json().errors.map((e: { field: string }) => e.field)).toEqual(['locale']);

    const created = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/departments',
      payload: {
        code: 'cementerios',
        name: { ...CEMETERIES, eu: ' Hilerriak ' },
        contactEmail: 'Cementerios@Ayto.example',
        locale: 'eu',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'cementerios',
      name: CEMETERIES,
      contactEmail: 'cementerios@ayto.example',
      locale: 'eu',
      active: true,
    });
    const id = created.json().id;

    const again = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/departments',
      payload: { code: 'cementerios', name: CEMETERIES, contactEmail: 'x@ayto.example' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DEPARTMENT.CODE_TAKEN');

    const renamed = await as(admin, {
      method: 'PATCH',
      url: `/api/v1/admin/departments/${id}`,
      payload: {
        name: { es: 'Cementerios Municipales', en: 'Municipal Cemeteries', ca: 'Cementiris Municipals', eu: 'Udal Hilerriak', gl: 'Cemiterios Municipais' },
        locale: 'gl',
      },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: { es: 'Cementerios Municipales', eu: 'Udal Hilerriak' }, locale: 'gl' });
    expect(
      (await as(admin, { method: 'PATCH', url: '/api/v1/admin/departments/not-a-uuid', payload: {} }))
        .statusCode,
    ).toBe(404);

    // A department still in charge of categories cannot be switched off.
    const [{ id: cleaning }] = await db.query(`SELECT id FROM departments WHERE code = 'limpieza'`);
    const busy = await as(admin, {
      method: 'PATCH',
      url: `/api/v1/admin/departments/${cleaning}`,
      payload: { active: false },
    });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('DEPARTMENT.IN_USE');

    const list = await as(admin, { method: 'GET', url: '/api/v1/admin/departments' });
    expect(list.json().map((d: { code: string }) => d.code)).toContain('cementerios');

    const [entry] = await db.query(
      `SELECT actor_email, before, after FROM audit_log WHERE action = 'department.update' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({
      actor_email: DEMO.admin,
      before: expect.objectContaining({ name: expect.objectContaining({ es: 'Cementerios' }) }),
      after: expect.objectContaining({ name: expect.objectContaining({ es: 'Cementerios Municipales' }) }),
    });
  });

  it('adds a category that shows at once on the public report form, routes it per area, and files reports with it', async () => {
    const [{ id: departmentId }] = await db.query(`SELECT id FROM departments WHERE code = 'cementerios'`);
    const [{ id: parksId }] = await db.query(`SELECT id FROM departments WHERE code = 'parques'`);
    const payload = {
      code: 'lapida',
      name: { es: 'Lápida dañada', en: 'Damaged headstone', ca: 'Làpida malmesa', eu: 'Hilarri hondatua', gl: 'Lápida danada' },
      description: {
        es: 'Lápidas rotas o caídas en cementerios municipales.',
        en: 'Broken or fallen headstones in municipal cemeteries.',
        ca: 'Làpides trencades o caigudes als cementiris municipals.',
        eu: 'Udal hilerrietako hilarri hautsiak edo eroriak.',
        gl: 'Lápidas rotas ou caídas nos cemiterios municipais.',
      },
      group: { es: 'Servicios', en: 'Services', ca: 'Serveis', eu: 'Zerbitzuak', gl: 'Servizos' },
      icon: 'headstone',
      defaultDepartmentId: departmentId,
      requiresModeration: false,
      targetDays: 12,
    };
    const unknownDepartment = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/categories',
      payload: { ...payload, defaultDepartmentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownDepartment.statusCode).toBe(422);
    expect(unknownDepartment.json().errors[0]).toMatchObject({
      field: 'defaultDepartmentId',
      code: 'unknown_department',
    });

    const created = await as(admin, { method: 'POST', url: '/api/v1/admin/categories', payload });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'lapida',
      targetDays: 12,
      requiresModeration: false,
      active: true,
      defaultDepartmentId: departmentId,
    });

    const publicEn = (await t.inject({ method: 'GET', url: '/api/v1/categories?lang=en' })).json();
    expect(publicEn.find((c: { code: string }) => c.code === 'lapida')).toMatchObject({
      name: 'Damaged headstone',
      department: 'Municipal Cemeteries',
      group: 'Services',
    });
    const publicEs = (await t.inject({ method: 'GET', url: '/api/v1/categories?lang=es' })).json();
    expect(publicEs.at(-1)).toMatchObject({ code: 'lapida', name: 'Lápida dañada' });
    // The visitor's language, whichever of the five (issue 18).
    const publicEu = (await t.inject({ method: 'GET', url: '/api/v1/categories', headers: { 'accept-language': 'eu' } })).json();
    expect(publicEu.find((c: { code: string }) => c.code === 'lapida')).toMatchObject({
      name: 'Hilarri hondatua',
      department: 'Udal Hilerriak',
      group: 'Zerbitzuak',
    });
    const withoutGalician = await as(admin, {
      method: 'PATCH',
      url: '/api/v1/admin/categories/lapida',
      payload: { description: { ...payload.description, gl: '' } },
    });
    expect(withoutGalician.statusCode).toBe(422);
    expect(withoutGalician.json().errors).toEqual([expect.objectContaining({ field: 'description.gl' })]);

    // In Centro (district 01), headstones go to parks instead of the default department.
    const [{ id: centro }] = await db.query(`SELECT id FROM areas WHERE code = '01'`);
    const rule = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/routing-rules',
      payload: { areaId: centro, categoryCode: 'lapida', departmentId: parksId },
    });
    expect(rule.statusCode).toBe(201);
    expect(rule.json()).toMatchObject({
      areaId: centro,
      areaName: 'Centro',
      categoryCode: 'lapida',
      departmentId: parksId,
    });
    const duplicate = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/routing-rules',
      payload: { areaId: centro, categoryCode: 'lapida', departmentId: parksId },
    });
    expect(duplicate.statusCode).toBe(409);
    const badRule = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/routing-rules',
      payload: { areaId: centro, categoryCode: 'nope', departmentId: parksId },
    });
    expect(badRule.json().errors).toEqual([
      expect.objectContaining({ field: 'categoryCode', code: 'unknown_category' }),
    ]);

    const report = async (lat: number, lon: number) => {
      const response = await t.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: {
          category: 'lapida',
          title: 'Lápida caída en el pasillo',
          description: 'Una lápida se ha caído y bloquea el paso.',
          lat,
          lon,
          reporter: { name: 'Eva', email: 'eva@example.org', showName: false },
          consent: true,
        },
      });
      expect(response.statusCode).toBe(201);
      const [row] = await db.query(
        `SELECT d.code FROM reports r JOIN departments d ON d.id = r.department_id WHERE r.ref = $1`,
        [response.json().properties.ref],
      );
      return row.code as string;
    };
    expect(await report(40.4169, -3.7035)).toBe('parques'); // Puerta del Sol, Centro: the rule
    expect(await report(40.4095, -3.6883)).toBe('cementerios'); // Retiro: the category default

    const rules = (await as(admin, { method: 'GET', url: '/api/v1/admin/routing-rules' })).json();
    const ruleId = rules.find((r: { categoryCode: string }) => r.categoryCode === 'lapida').id;
    expect(
      (await as(admin, { method: 'DELETE', url: `/api/v1/admin/routing-rules/${ruleId}` })).statusCode,
    ).toBe(204);
    expect(await report(40.4169, -3.7035)).toBe('cementerios');

    const changed = await as(admin, {
      method: 'PATCH',
      url: '/api/v1/admin/categories/lapida',
      payload: { targetDays: 7, requiresModeration: true, group: null },
    });
    expect(changed.json()).toMatchObject({ targetDays: 7, requiresModeration: true, group: null });
    const off = await as(admin, {
      method: 'PATCH',
      url: '/api/v1/admin/categories/lapida',
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    const after = (await t.inject({ method: 'GET', url: '/api/v1/categories' })).json();
    expect(after.map((c: { code: string }) => c.code)).not.toContain('lapida');
    expect(
      (await as(admin, { method: 'PATCH', url: '/api/v1/admin/categories/nope', payload: {} })).statusCode,
    ).toBe(404);
  });

  it('uploads areas as GeoJSON, repairing a self-intersecting polygon and saying so', async () => {
    const uploaded = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/areas',
      payload: collection(
        area('T-SQUARE', 'Cuadrado', { type: 'Polygon', coordinates: square(-2.95, 40.0) }),
        area('T-BOWTIE', 'Pajarita', { type: 'Polygon', coordinates: BOW_TIE }),
      ),
    });
    expect(uploaded.statusCode).toBe(200);
    const result = uploaded.json();
    expect(result.created.map((a: { code: string }) => a.code)).toEqual(['T-SQUARE', 'T-BOWTIE']);
    expect(result.updated).toEqual([]);
    expect(result.repaired).toEqual([
      { code: 'T-BOWTIE', reason: expect.stringMatching(/self-intersection/i) },
    ]);
    const square1 = result.created[0];
    // About 0.01° × 0.01° at 40° N: roughly 1.11 km × 0.85 km.
    expect(square1.areaM2).toBeGreaterThan(900_000);
    expect(square1.areaM2).toBeLessThan(1_000_000);

    const [stored] = await db.query(
      `SELECT GeometryType(geom) AS type, ST_NumGeometries(geom) AS parts, ST_IsValid(geom) AS valid FROM areas WHERE code = 'T-BOWTIE'`,
    );
    expect(stored).toEqual({ type: 'MULTIPOLYGON', parts: 2, valid: true });
    const publicAreas = (await t.inject({ method: 'GET', url: '/api/v1/areas' })).json();
    expect(publicAreas.features.map((f: { properties: { code: string } }) => f.properties.code)).toContain(
      'T-BOWTIE',
    );

    // The same code again, as a multipart file: replaced, not duplicated.
    const form = new FormData();
    const file = JSON.stringify(
      collection(
        area('T-SQUARE', 'Cuadrado grande', {
          type: 'MultiPolygon',
          coordinates: [square(-2.95, 40.0, 0.02)],
        }),
      ),
    );
    form.append('file', new Blob([file], { type: 'application/geo+json' }), 'barrios.geojson');
    const body = await multipart(form);
    const replaced = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/areas',
      headers: body.headers,
      payload: body.payload,
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().created).toEqual([]);
    expect(replaced.json().updated).toEqual([
      expect.objectContaining({ id: square1.id, name: 'Cuadrado grande' }),
    ]);
    expect(replaced.json().updated[0].areaM2).toBeGreaterThan(3.5 * square1.areaM2);
  });

  it('refuses non-polygons and coordinates that are not longitude/latitude, storing nothing', async () => {
    const [{ count: before }] = await db.query(`SELECT count(*)::int AS count FROM areas`);
    const refused = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/areas',
      payload: collection(
        area('T-OK', 'Válida', { type: 'Polygon', coordinates: square(-2.9, 40.0) }),
        area('T-LINE', 'Línea', {
          type: 'LineString',
          coordinates: [
            [-2.9, 40.0],
            [-2.8, 40.1],
          ],
        }),
        area('T-UTM', 'En UTM', { type: 'Polygon', coordinates: square(440000, 4474000, 1000) }),
      ),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: 'features[1].geometry.type', code: 'not_polygon' }),
      expect.objectContaining({ field: 'features[2].geometry.coordinates', code: 'out_of_range' }),
    ]);
    const [{ count: after }] = await db.query(`SELECT count(*)::int AS count FROM areas`);
    expect(after).toBe(before);

    const notJson = new FormData();
    notJson.append('file', new Blob(['{ not json'], { type: 'application/json' }), 'x.geojson');
    const body = await multipart(notJson);
    const bad = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/areas',
      headers: body.headers,
      payload: body.payload,
    });
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'file', code: 'invalid_json' })]);
  });

  it('renames and deletes areas, but not one that reports lie in', async () => {
    const areas = (await as(admin, { method: 'GET', url: '/api/v1/admin/areas' })).json();
    const bowTie = areas.find((a: { code: string }) => a.code === 'T-BOWTIE');
    const renamed = await as(admin, {
      method: 'PATCH',
      url: `/api/v1/admin/areas/${bowTie.id}`,
      payload: { name: 'Lazo', kind: 'neighbourhood' },
    });
    expect(renamed.json()).toMatchObject({ name: 'Lazo', kind: 'neighbourhood' });
    expect((await as(admin, { method: 'DELETE', url: `/api/v1/admin/areas/${bowTie.id}` })).statusCode).toBe(
      204,
    );
    const centro = areas.find((a: { code: string }) => a.code === '01');
    const inUse = await as(admin, { method: 'DELETE', url: `/api/v1/admin/areas/${centro.id}` });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('AREA.IN_USE');
  });

  it('creates a staff account that signs in from its invitation mail, changes its roles, and deactivates it', async () => {
    const [{ id: cemeteries }] = await db.query(`SELECT id FROM departments WHERE code = 'cementerios'`);
    const noDepartment = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { email: 'x@ayto.example', name: 'X', roles: ['department_staff'] },
    });
    expect(noDepartment.json().errors).toEqual([
      expect.objectContaining({ field: 'departmentIds', code: 'required' }),
    ]);
    const badRole = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { email: 'x@ayto.example', name: 'X', roles: ['superuser'] },
    });
    expect(badRole.json().errors).toEqual([expect.objectContaining({ field: 'roles', code: 'not_allowed' })]);

    const created = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: {
        email: 'Rafael.Gil@Ayto.example',
        name: 'Rafael Gil',
        roles: ['department_staff'],
        departmentIds: [cemeteries],
        locale: 'en',
      },
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({
      email: 'rafael.gil@ayto.example',
      roles: ['department_staff'],
      departmentIds: [cemeteries],
      active: true,
      lastSignInAt: null,
    });
    const taken = await as(admin, {
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { email: 'rafael.gil@ayto.example', name: 'Otro', roles: ['citizen'] },
    });
    expect(taken.statusCode).toBe(409);

    // The invitation, read on the mail preview API.
    const inbox = (
      await as(admin, { method: 'GET', url: '/api/v1/admin/mail?to=rafael.gil@ayto.example' })
    ).json();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ to: 'rafael.gil@ayto.example', subject: 'You have a Plaza account' });
    const message = (await as(admin, { method: 'GET', url: `/api/v1/admin/mail/${inbox[0].id}` })).json();
    expect(message.html).toContain('/console/signin/link?token=');
    const token = /token=([A-Za-z0-9_-]+)/.exec(message.text)?.[1];
    const [{ hours }] = await db.query(
      `SELECT round(extract(epoch FROM t.expires_at - t.created_at) / 3600)::int AS hours FROM email_link_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = 'rafael.gil@ayto.example'`,
    );
    expect(hours).toBe(72);
    const signedIn = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/email-link/verify',
      payload: { token },
    });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({
      next: '/console/',
      user: {
        roles: ['department_staff'],
        departments: [{ id: cemeteries, code: 'cementerios', name: 'Municipal Cemeteries' }],
      },
    });
    const staff = {
      cookie: sessionCookieOf(signedIn) as string,
      csrf: signedIn.json().csrfToken,
      user: signedIn.json().user,
    };
    const setPassword = await as(staff, {
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { newPassword: 'contraseña de rafael' },
    });
    expect(setPassword.statusCode).toBe(204);
    await signIn(t, 'rafael.gil@ayto.example', 'contraseña de rafael');

    const promoted = await as(admin, {
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.id}`,
      payload: { roles: ['community_manager'] },
    });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ roles: ['community_manager'], departmentIds: [] });
    // Roles are read on every request: the open session already has the new one.
    expect((await as(staff, { method: 'GET', url: '/api/v1/auth/me' })).json().user.roles).toEqual([
      'community_manager',
    ]);

    const found = (
      await as(admin, { method: 'GET', url: '/api/v1/admin/users?q=rafael&role=community_manager' })
    ).json();
    expect(found.map((u: { id: string }) => u.id)).toEqual([user.id]);
    expect((await as(admin, { method: 'GET', url: '/api/v1/admin/users?role=mayor' })).statusCode).toBe(400);

    const deactivated = await as(admin, {
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.id}`,
      payload: { active: false },
    });
    expect(deactivated.json().active).toBe(false);
    expect((await as(staff, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'rafael.gil@ayto.example', password: 'contraseña de rafael' },
        })
      ).statusCode,
    ).toBe(401);

    const self = await as(admin, {
      method: 'PATCH',
      url: `/api/v1/admin/users/${admin.user.id}`,
      payload: { active: false },
    });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('USER.SELF_LOCKOUT');
    const actions = await auditActions();
    expect(actions).toEqual(
      expect.arrayContaining(['user.create', 'user.password_set', 'user.update', 'user.deactivate']),
    );
  });

  it('manages response templates (placeholders checked) that staff then read', async () => {
    const manager = await signIn(t, DEMO.manager);
    const staff = await signIn(t, DEMO.cleaningStaff);
    const unknown = await as(manager, {
      method: 'POST',
      url: '/api/v1/admin/templates',
      payload: { title: 'Hola', locale: 'es', body: 'Hola {nombre}, tu aviso {ref}.' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'body', code: 'unknown_placeholder' });

    const created = await as(manager, {
      method: 'POST',
      url: '/api/v1/admin/templates',
      payload: {
        title: 'Pintada limpiada',
        locale: 'es',
        categoryCode: 'pintada',
        status: 'fixed',
        body: 'Hemos limpiado la pintada de tu aviso {ref} el {date}. Gracias.',
        styleNotes: 'Breve y cercano.',
      },
    });
    expect(created.statusCode).toBe(201);
    const template = created.json();
    expect(template).toMatchObject({
      categoryCode: 'pintada',
      status: 'fixed',
      active: true,
      styleNotes: 'Breve y cercano.',
    });

    const read = async (query: string) =>
      (await as(staff, { method: 'GET', url: `/api/v1/staff/templates${query}` }))
        .json()
        .map((x: { id: string }) => x.id);
    expect(await read('?category=pintada&locale=es')).toContain(template.id);
    expect(await read('?category=farola')).not.toContain(template.id);
    expect(await read('?status=in_progress')).not.toContain(template.id);

    const general = await as(manager, {
      method: 'PATCH',
      url: `/api/v1/admin/templates/${template.id}`,
      payload: { categoryCode: null, active: false },
    });
    expect(general.json()).toMatchObject({ categoryCode: null, active: false });
    expect(await read('')).not.toContain(template.id);
    expect(
      (await as(manager, { method: 'GET', url: '/api/v1/admin/templates' }))
        .json()
        .map((x: { id: string }) => x.id),
    ).toContain(template.id);
    expect(
      (await as(manager, { method: 'DELETE', url: `/api/v1/admin/templates/${template.id}` })).statusCode,
    ).toBe(204);
    expect(
      (await as(manager, { method: 'DELETE', url: `/api/v1/admin/templates/${template.id}` })).statusCode,
    ).toBe(404);
    const [entry] = await db.query(
      `SELECT actor_email, before FROM audit_log WHERE action = 'template.delete'`,
    );
    expect(entry).toMatchObject({
      actor_email: DEMO.manager,
      before: expect.objectContaining({ title: 'Pintada limpiada' }),
    });
  });

  it('wrote one audit entry per change, with who and what, and the chain verifies', async () => {
    const page = (await as(admin, { method: 'GET', url: '/api/v1/admin/audit?limit=200' })).json();
    expect(page.entries.length).toBeGreaterThan(15);
    expect(page.entries.every((e: { actorEmail: string | null }) => e.actorEmail)).toBe(true);
    expect(new Set(page.entries.map((e: { action: string }) => e.action))).toEqual(
      new Set([
        'department.create',
        'department.update',
        'category.create',
        'category.update',
        'routing_rule.create',
        'routing_rule.delete',
        'area.create',
        'area.replace',
        'area.update',
        'area.delete',
        'user.create',
        'user.password_set',
        'user.update',
        'user.deactivate',
        'template.create',
        'template.update',
        'template.delete',
      ]),
    );
    const verification = (await as(admin, { method: 'GET', url: '/api/v1/admin/audit/verify' })).json();
    expect(verification).toMatchObject({ ok: true, brokenAt: null, checked: page.entries.length });
  });
});
