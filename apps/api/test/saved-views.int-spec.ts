// Saved inbox views are kept on the server per person: they follow a community manager to any
// computer, never leak to a colleague, and bad input is a field-level 422.
import { call, expectProblem } from './cases-fixtures';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, signIn, type TestSession } from './sessions';

const URL = '/api/v1/staff/saved-views';

describe('saved inbox views', () => {
  let t: TestApp;
  let manager: TestSession;
  let clerk: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    await seedAccounts(t);
    [manager, clerk] = [await signIn(t, DEMO.manager), await signIn(t, DEMO.cleaningStaff)];
  });
  afterAll(() => t?.close());

  it('keeps each person’s views on the server, from one session to the next', async () => {
    expect((await call(t, manager, 'GET', URL)).json()).toEqual([]);
    const views = [
      { name: 'Atrasados de limpieza', search: '?queue=overdue&category=limpieza' },
      { name: '  Todo  ', search: '' },
    ];
    const saved = await call(t, manager, 'PUT', URL, { views });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual([views[0], { name: 'Todo', search: '' }]);

    // Another sign-in (another computer) finds them; a colleague does not.
    const elsewhere = await signIn(t, DEMO.manager);
    expect((await call(t, elsewhere, 'GET', URL)).json()).toEqual([views[0], { name: 'Todo', search: '' }]);
    expect((await call(t, clerk, 'GET', URL)).json()).toEqual([]);

    expect((await call(t, manager, 'PUT', URL, { views: [] })).json()).toEqual([]);
    expect((await call(t, elsewhere, 'GET', URL)).json()).toEqual([]);
  });

  it('refuses what the inbox could not use, naming the field', async () => {
    expectProblem(await call(t, manager, 'PUT', URL, { views: [{ name: '', search: '' }] }), 422, 'views.0.name');
    expectProblem(await call(t, manager, 'PUT', URL, { views: [{ name: 'Web', search: 'https://example.org' }] }), 422, 'views.0.search');
    expectProblem(await call(t, manager, 'PUT', URL, { views: [{ name: 'A', search: '?a=1' }, { name: 'a', search: '?b=2' }] }), 422, 'views[1].name');
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `Vista ${i}`, search: '' }));
    expectProblem(await call(t, manager, 'PUT', URL, { views: many }), 422, 'views');
    expectProblem(await call(t, manager, 'PUT', URL, {}), 422, 'views');
  });

  it('is for staff only', async () => {
    expect((await t.inject({ method: 'GET', url: URL })).statusCode).toBe(401);
    const citizen = await signIn(t, DEMO.citizen);
    expect((await call(t, citizen, 'GET', URL)).statusCode).toBe(403);
  });
});
