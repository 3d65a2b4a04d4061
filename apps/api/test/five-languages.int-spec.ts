import { MIGRATIONS } from '@plaza/api/database';
import { DataSource } from 'typeorm';
import { call, caseUrl, expectProblem, fileReport } from './cases-fixtures';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, signIn, signUp, type TestSession } from './sessions';

/**
 * Issue 18: the city's own data in the five languages (docs/i18n.md, docs/administration.md):
 * the migration that translates the built-in rows of an existing database, response templates
 * kept per language, and a citizen's language remembered in their account.
 */
describe('five languages for the city’s data (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: TestSession;
  let manager: TestSession;

  const text = (title: string, body: string) => ({ title, body, styleNotes: '' });
  const FIVE = {
    es: text('Recibido', 'Hola:\n\nGracias por tu aviso {ref}. Lo atiende {department}.\n\nUn saludo.'),
    en: text('Received', 'Hello,\n\nThank you for report {ref}. {department} is on it.\n\nKind regards.'),
    ca: text('Rebut', 'Hola:\n\nGràcies pel teu avís {ref}. L’atén {department}.\n\nUna salutació.'),
    eu: text('Jasota', 'Kaixo:\n\nEskerrik asko {ref} abisuagatik. {department} arduratzen da.\n\nAgur.'),
    gl: text('Recibido', 'Ola:\n\nGrazas polo teu aviso {ref}. Atendeo {department}.\n\nUn saúdo.'),
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedAccounts(t);
    admin = await signIn(t, DEMO.admin);
    manager = await signIn(t, DEMO.manager);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('translates the built-in rows of an existing database, and leaves the city’s own words alone', async () => {
    const migration = MIGRATIONS.map((M) => new M()).find((m) => m.name === 'FiveLanguageData1797418265031');
    expect(migration).toBeDefined();
    const runner = db.createQueryRunner();
    try {
      await migration!.down(runner);
      // A database as issue 18 found it: built-in rows in es/en only; the city renamed one category,
      // added its own, and had already written a Basque name for one department.
      for (const table of ['departments', 'categories', 'proposal_themes']) {
        await runner.query(`UPDATE ${table} SET name = name - 'ca' - 'eu' - 'gl'`);
      }
      await runner.query(`UPDATE categories SET description = description - 'ca' - 'eu' - 'gl', group_name = group_name - 'ca' - 'eu' - 'gl'`);
      await runner.query(`UPDATE categories SET name = '{"es": "Baches", "en": "Potholes"}' WHERE code = 'bache'`);
      await runner.query(`UPDATE departments SET name = name || '{"eu": "Argiztapen Zerbitzua"}' WHERE code = 'alumbrado'`);
      await runner.query(
        `INSERT INTO categories (code, name, description, icon, default_department_id, target_days, sort_order)
         SELECT 'fuente-ornamental', '{"es": "Fuente ornamental", "en": "Ornamental fountain"}', '{"es": "x", "en": "x"}',
                'drop', id, 5, 99 FROM departments WHERE code = 'agua'`,
      );
      const templates = await runner.query(
        `INSERT INTO response_templates (title, locale, status, body) VALUES
           ('Cerrado', 'es', 'closed', 'Hola: cerrado.'), ('Closed', 'en', 'closed', 'Hello: closed.'),
           ('Uno', 'es', 'investigating', 'Hola: uno.'), ('Dos', 'es', 'investigating', 'Hola: dos.')
         RETURNING id, title`,
      );
      await migration!.up(runner);

      const names = async (table: string, code: string) =>
        (await runner.query(`SELECT name FROM ${table} WHERE code = $1`, [code]))[0].name;
      expect(await names('departments', 'limpieza')).toEqual({
        es: 'Limpieza Viaria',
        en: 'Street Cleaning',
        ca: 'Neteja Viària',
        eu: 'Kale Garbiketa',
        gl: 'Limpeza Viaria',
      });
      expect((await names('departments', 'alumbrado')).eu).toBe('Argiztapen Zerbitzua');
      expect(await names('categories', 'bache')).toEqual({ es: 'Baches', en: 'Potholes' });
      expect(await names('categories', 'fuente-ornamental')).toEqual({ es: 'Fuente ornamental', en: 'Ornamental fountain' });
      expect((await names('categories', 'farola')).gl).toBe('Farola apagada');
      expect((await names('proposal_themes', 'participacion')).ca).toBe('Participació i transparència');
      const [{ description, group_name: group }] = await runner.query(`SELECT description, group_name FROM categories WHERE code = 'semaforo'`);
      expect(description.eu).toContain('Semaforo itzaliak');
      expect(group).toMatchObject({ es: 'Vía pública', eu: 'Bide publikoa' });
      const [{ locale }] = await runner.query(`SELECT locale FROM departments WHERE code = 'agua'`);
      expect(locale).toBe('es');

      // es + en for one status: one template in two languages; two Spanish ones: two templates.
      const groupOf = async (title: string) =>
        (await runner.query(`SELECT group_id FROM response_templates WHERE id = $1`, [templates.find((r: { title: string }) => r.title === title).id]))[0]
          .group_id;
      expect(await groupOf('Cerrado')).toBe(await groupOf('Closed'));
      expect(await groupOf('Uno')).not.toBe(await groupOf('Dos'));
      // The built-in answers to proposals, in the five languages, one group per outcome.
      const answers = await runner.query(
        `SELECT outcome, count(DISTINCT group_id)::int AS groups, array_agg(locale ORDER BY locale) AS locales
           FROM proposal_answer_templates GROUP BY outcome ORDER BY outcome`,
      );
      expect(answers).toEqual(
        ['accepted', 'partially_accepted', 'rejected'].map((outcome) => ({ outcome, groups: 1, locales: ['ca', 'en', 'es', 'eu', 'gl'] })),
      );
    } finally {
      await runner.release();
    }
    // A Galician visitor sees the city's own row in Spanish (pickText's fallback).
    const galician = (await t.inject({ method: 'GET', url: '/api/v1/categories?lang=gl' })).json();
    expect(galician.find((c: { code: string }) => c.code === 'fuente-ornamental').name).toBe('Fuente ornamental');
    expect(galician.find((c: { code: string }) => c.code === 'farola').name).toBe('Farola apagada');
  });

  it('keeps a response template in five languages, refusing a missing one by its field', async () => {
    const url = '/api/v1/admin/template-groups';
    const { eu: _eu, ...withoutBasque } = FIVE;
    expectProblem(await call(t, manager, 'POST', url, { status: 'confirmed', texts: withoutBasque }), 422, 'texts.eu');
    const blankTitle = await call(t, manager, 'POST', url, { texts: { ...FIVE, gl: { ...FIVE.gl, title: ' ' } } });
    expectProblem(blankTitle, 422);
    expect(blankTitle.json().errors).toEqual([expect.objectContaining({ field: 'texts.gl.title' })]);
    const placeholder = await call(t, manager, 'POST', url, { texts: { ...FIVE, ca: { ...FIVE.ca, body: 'Hola {nom}.' } } });
    expectProblem(placeholder, 422);
    expect(placeholder.json().errors).toEqual([expect.objectContaining({ field: 'texts.ca.body', code: 'unknown_placeholder' })]);

    const created = await call(t, manager, 'POST', url, { categoryCode: 'farola', status: 'confirmed', texts: FIVE });
    expect(created.statusCode).toBe(201);
    const group = created.json();
    expect(Object.keys(group.texts).sort()).toEqual(['ca', 'en', 'es', 'eu', 'gl']);
    expect(group).toMatchObject({ categoryCode: 'farola', status: 'confirmed', active: true, texts: { eu: { title: 'Jasota' } } });

    // Staff pick from the case's language: the Basque row, which knows its siblings.
    const staff = (await call(t, manager, 'GET', '/api/v1/staff/templates?category=farola&locale=eu&status=confirmed')).json();
    const basque = staff.find((row: { groupId: string }) => row.groupId === group.id);
    expect(basque).toMatchObject({ id: group.texts.eu.templateId, locale: 'eu', title: 'Jasota' });
    const ref = await fileReport(t, { category: 'farola' });
    const filled = (await call(t, manager, 'GET', caseUrl(ref, `/template-fill?templateId=${basque.id}`))).json();
    expect(filled).toMatchObject({ locale: 'eu', body: expect.stringContaining(`Eskerrik asko ${ref} abisuagatik`) });

    const changed = await call(t, manager, 'PATCH', `${url}/${group.id}`, { active: false, texts: { ...FIVE, gl: text('Aviso recibido', FIVE.gl.body) } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ active: false, texts: { gl: { title: 'Aviso recibido', templateId: group.texts.gl.templateId } } });
    expect((await call(t, manager, 'GET', '/api/v1/staff/templates?category=farola&locale=eu')).json().map((r: { id: string }) => r.id)).not.toContain(basque.id);
    expectProblem(await call(t, manager, 'PATCH', `${url}/${group.id}`, { texts: { es: FIVE.es } }), 422, 'texts.en');
    expect((await call(t, admin, 'DELETE', `${url}/${group.id}`)).statusCode).toBe(204);
    expect(await db.query(`SELECT 1 FROM response_templates WHERE group_id = $1`, [group.id])).toEqual([]);
    expectProblem(await call(t, admin, 'DELETE', `${url}/${group.id}`), 404);
  });

  it('remembers a citizen’s language: from sign-up, changed by the switch, used to answer them', async () => {
    // Sign-up answers alike for every address; the account is made when the mailed link is followed.
    const citizen = await signUp(t, { name: 'Ane Etxeberria', email: 'ane@example.org', password: 'pasahitz luze bat' }, { 'accept-language': 'eu-ES,eu;q=0.9,es;q=0.5' });
    expect(citizen.user.locale).toBe('eu');

    expectProblem(await call(t, citizen, 'PATCH', '/api/v1/account', { locale: 'fr' }), 422, 'locale');
    expect((await call(t, citizen, 'PATCH', '/api/v1/account', { locale: 'gl' })).statusCode).toBe(200);
    expect((await call(t, citizen, 'GET', '/api/v1/auth/me')).json().user.locale).toBe('gl');
    const [{ locale }] = await db.query(`SELECT locale FROM users WHERE email = 'ane@example.org'`);
    expect(locale).toBe('gl');

    // The console answers a report of theirs in the account's language, not the one it was filed in.
    const ref = await fileReport(t);
    await db.query(`UPDATE reports SET reporter_user_id = $2 WHERE ref = $1`, [ref, citizen.user.id]);
    expect((await call(t, manager, 'GET', caseUrl(ref))).json().reporter.locale).toBe('gl');
    const anonymous = await fileReport(t);
    expect((await call(t, manager, 'GET', caseUrl(anonymous))).json().reporter.locale).toBe('es');
  });
});
