import { seedDemoProposals } from '@plaza/api/seed';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';
import { seedAccounts } from './sessions';

describe('demo proposals (integration)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedAccounts(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds a few dozen proposals in several states, once, with supports, answers and comments', async () => {
    const created = await db.transaction((manager) => seedDemoProposals(manager));
    expect(created).toBeGreaterThanOrEqual(24);
    expect(await db.transaction((manager) => seedDemoProposals(manager))).toBe(0);

    const statuses = await db.query(`SELECT DISTINCT status FROM proposals ORDER BY 1`);
    expect(statuses.map((s: { status: string }) => s.status)).toEqual([
      'accepted',
      'completed',
      'in_execution',
      'partially_accepted',
      'published',
      'rejected',
      'under_evaluation',
    ]);
    const [consistency] = await db.query(`
      SELECT count(*) FILTER (WHERE p.support_count <> (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id))::int AS bad_supports,
             count(*) FILTER (WHERE p.status IN ('accepted', 'rejected', 'partially_accepted', 'in_execution', 'completed')
                              AND NOT EXISTS (SELECT 1 FROM proposal_answers a WHERE a.proposal_id = p.id))::int AS unanswered,
             count(*) FILTER (WHERE p.location IS NOT NULL AND NOT EXISTS (SELECT 1 FROM areas a WHERE a.id = p.area_id AND ST_Covers(a.geom, p.location)))::int AS misplaced
        FROM proposals p`);
    expect(consistency).toEqual({ bad_supports: 0, unanswered: 0, misplaced: 0 });
    const [{ replies, staff }] = await db.query(
      `SELECT count(*) FILTER (WHERE parent_id IS NOT NULL)::int AS replies, count(*) FILTER (WHERE staff_role IS NOT NULL)::int AS staff FROM comments`,
    );
    expect(replies).toBeGreaterThan(0);
    expect(staff).toBeGreaterThan(0);

    const list = await t.inject({ method: 'GET', url: '/api/v1/proposals?sort=supports&limit=100' });
    expect(list.json().total).toBeGreaterThanOrEqual(24);
    expect(list.body).not.toContain('@demo.plaza.test');
    const bikes = (await t.inject({ method: 'GET', url: '/api/v1/proposals?q=bicicletas' })).json();
    expect(bikes.items.length).toBeGreaterThan(1);
    const decided = list.json().items.find((p: { status: string }) => p.status === 'completed');
    const detail = (await t.inject({ method: 'GET', url: `/api/v1/proposals/${decided.id}` })).json();
    expect(detail.timeline.map((e: { to: string }) => e.to)).toEqual(['published', 'under_evaluation', 'accepted', 'in_execution', 'completed']);
    expect(detail.answers).toHaveLength(1);
    const thread = await t.inject({ method: 'GET', url: `/api/v1/proposals/${decided.id}/comments` });
    expect(thread.json().comments).toEqual(expect.arrayContaining([expect.objectContaining({ author: { kind: 'staff', role: 'community_manager', department: null } })]));
    expect(thread.body).not.toContain('@demo.plaza.test');
  });
});
