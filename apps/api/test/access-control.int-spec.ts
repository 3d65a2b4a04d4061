import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_METADATA, type AccessRule } from '@plaza/api/auth';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, signIn, withSession, type TestSession } from './sessions';

interface DiscoveredRoute {
  method: string;
  /** As Fastify registered it, e.g. `/api/v1/admin/users/:id`. */
  path: string;
  handler: string;
  access: readonly AccessRule[] | undefined;
}

const PERSONAS = [
  'anonymous',
  'citizen',
  'otherDepartmentStaff',
  'departmentStaff',
  'communityManager',
  'admin',
] as const;
type Persona = (typeof PERSONAS)[number];

const ADMIN_ONLY: Persona[] = ['admin'];
const ADMIN_AND_MANAGER: Persona[] = ['communityManager', 'admin'];
const ALL_STAFF: Persona[] = ['otherDepartmentStaff', 'departmentStaff', 'communityManager', 'admin'];
/** A route about one department: its own staff, and the city-wide roles. */
const OWN_DEPARTMENT: Persona[] = ['departmentStaff', 'communityManager', 'admin'];

/**
 * Who may call each staff and admin route. Every such route the app registers must be listed
 * here, and every entry must still exist: adding a route means deciding, in this table, who
 * may call it. `:departmentId` is filled with the department of `departmentStaff`; other ids
 * are random (allowed callers then get 404 or 422, which is not a refusal).
 */
const EXPECTED: Record<string, Persona[]> = {
  'GET /api/v1/staff/departments': ALL_STAFF,
  'GET /api/v1/staff/departments/:id': OWN_DEPARTMENT,
  'GET /api/v1/staff/templates': ALL_STAFF,
  'GET /api/v1/admin/departments': ADMIN_ONLY,
  'POST /api/v1/admin/departments': ADMIN_ONLY,
  'PATCH /api/v1/admin/departments/:id': ADMIN_ONLY,
  'GET /api/v1/admin/categories': ADMIN_ONLY,
  'POST /api/v1/admin/categories': ADMIN_ONLY,
  'PATCH /api/v1/admin/categories/:code': ADMIN_ONLY,
  'GET /api/v1/admin/routing-rules': ADMIN_ONLY,
  'POST /api/v1/admin/routing-rules': ADMIN_ONLY,
  'DELETE /api/v1/admin/routing-rules/:id': ADMIN_ONLY,
  'GET /api/v1/admin/areas': ADMIN_ONLY,
  'POST /api/v1/admin/areas': ADMIN_ONLY,
  'PATCH /api/v1/admin/areas/:id': ADMIN_ONLY,
  'DELETE /api/v1/admin/areas/:id': ADMIN_ONLY,
  'GET /api/v1/admin/users': ADMIN_ONLY,
  'POST /api/v1/admin/users': ADMIN_ONLY,
  'PATCH /api/v1/admin/users/:id': ADMIN_ONLY,
  'GET /api/v1/admin/templates': ADMIN_AND_MANAGER,
  'POST /api/v1/admin/templates': ADMIN_AND_MANAGER,
  'PATCH /api/v1/admin/templates/:id': ADMIN_AND_MANAGER,
  'DELETE /api/v1/admin/templates/:id': ADMIN_AND_MANAGER,
  'GET /api/v1/admin/template-groups': ADMIN_AND_MANAGER,
  'POST /api/v1/admin/template-groups': ADMIN_AND_MANAGER,
  'PATCH /api/v1/admin/template-groups/:id': ADMIN_AND_MANAGER,
  'DELETE /api/v1/admin/template-groups/:id': ADMIN_AND_MANAGER,
  'GET /api/v1/admin/audit': ADMIN_ONLY,
  'GET /api/v1/admin/audit/verify': ADMIN_ONLY,
  'GET /api/v1/admin/mail': ADMIN_ONLY,
  'GET /api/v1/admin/mail/:id': ADMIN_ONLY,
  'GET /api/v1/admin/api-clients': ADMIN_ONLY,
  'POST /api/v1/admin/api-clients': ADMIN_ONLY,
  'POST /api/v1/admin/api-clients/:id/revoke': ADMIN_ONLY,
  // Proposals (libs/api/proposals): answers and progress are scoped to the proposal's department in the service.
  'GET /api/v1/staff/proposals': ALL_STAFF,
  'GET /api/v1/staff/proposals/:id': ALL_STAFF,
  'GET /api/v1/staff/proposal-templates': ALL_STAFF,
  'POST /api/v1/staff/proposals/:id/evaluate': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/proposals/:id/answer': ALL_STAFF,
  'POST /api/v1/staff/proposals/:id/progress': ALL_STAFF,
  'POST /api/v1/staff/proposals/:id/reports': ADMIN_AND_MANAGER,
  'DELETE /api/v1/staff/proposals/:id/reports/:ref': ADMIN_AND_MANAGER,
  'GET /api/v1/admin/proposal-themes': ADMIN_ONLY,
  'POST /api/v1/admin/proposal-themes': ADMIN_ONLY,
  'PATCH /api/v1/admin/proposal-themes/:code': ADMIN_ONLY,
  // Moderation of discussion (libs/api/discussion).
  'GET /api/v1/staff/flags': ADMIN_AND_MANAGER,
  'GET /api/v1/staff/flags/count': ADMIN_AND_MANAGER,
  'GET /api/v1/staff/blocks': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/flags/:targetType/:targetId/hide': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/flags/:targetType/:targetId/dismiss': ADMIN_AND_MANAGER,
  'GET /api/v1/staff/review-requests': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/moderation-decisions/:id/review': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/users/:id/block': ADMIN_AND_MANAGER,
  'DELETE /api/v1/staff/users/:id/block': ADMIN_AND_MANAGER,
  'GET /api/v1/staff/deliveries': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/deliveries/:id/retry': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/deliveries/:id/dismiss': ADMIN_AND_MANAGER,
  // The moderation console's cases (libs/api/cases): reads and work for all staff (scoped to
  // their departments inside), moderation for CMs and admins, calendar and trust for admins.
  'GET /api/v1/staff/cases': ALL_STAFF,
  'GET /api/v1/staff/cases/events': ALL_STAFF,
  'GET /api/v1/staff/cases/:ref': ALL_STAFF,
  // Photos for the console, hidden ones included (libs/api/media).
  'GET /api/v1/staff/media/:key': ALL_STAFF,
  'GET /api/v1/staff/cases/:ref/template-fill': ALL_STAFF,
  'POST /api/v1/staff/cases': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/cases/bulk': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/cases/:ref/publish': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/cases/:ref/hide': ADMIN_AND_MANAGER,
  'PATCH /api/v1/staff/cases/:ref/text': ADMIN_AND_MANAGER,
  'PATCH /api/v1/staff/cases/:ref/photos/:photoId': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/cases/:ref/category': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/cases/:ref/location': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/cases/:ref/assign': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/cases/:ref/merge': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/cases/:ref/priority': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/cases/:ref/drafts/:draftId/approve': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/cases/:ref/drafts/:draftId/reject': ADMIN_AND_MANAGER,
  'POST /api/v1/staff/cases/:ref/replies': ALL_STAFF,
  'POST /api/v1/staff/cases/:ref/notes': ALL_STAFF,
  'POST /api/v1/staff/cases/:ref/acknowledge': ALL_STAFF,
  'POST /api/v1/staff/cases/:ref/schedule': ALL_STAFF,
  'POST /api/v1/staff/cases/:ref/start': ALL_STAFF,
  'POST /api/v1/staff/cases/:ref/resolve': ALL_STAFF,
  'POST /api/v1/staff/cases/:ref/refer-back': ALL_STAFF,
  'GET /api/v1/staff/holidays': ALL_STAFF,
  'GET /api/v1/staff/saved-views': ALL_STAFF,
  'PUT /api/v1/staff/saved-views': ALL_STAFF,
  'GET /api/v1/admin/holidays': ADMIN_ONLY,
  'POST /api/v1/admin/holidays': ADMIN_ONLY,
  'DELETE /api/v1/admin/holidays/:id': ADMIN_ONLY,
  'GET /api/v1/admin/department-trust': ADMIN_ONLY,
  'PUT /api/v1/admin/department-trust/:departmentId': ADMIN_ONLY,
};

/** Routes that answer an endless stream: only the status and the refusal body are read. */
const STREAMING = new Set(['GET /api/v1/staff/cases/events']);

/** Routes for which `:id` names a department, so that department scoping is exercised. */
const DEPARTMENT_SCOPED = new Set(['GET /api/v1/staff/departments/:id']);

describe('access control: every route declares who may call it, and the role × route table holds', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];
  const sessions = {} as Record<Persona, TestSession | null>;
  let cleaningDepartmentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedAccounts(t);
    routes = discoverRoutes(t);
    sessions.anonymous = null;
    sessions.citizen = await signIn(t, DEMO.citizen);
    sessions.otherDepartmentStaff = await signIn(t, DEMO.lightingStaff);
    sessions.departmentStaff = await signIn(t, DEMO.cleaningStaff);
    sessions.communityManager = await signIn(t, DEMO.manager);
    sessions.admin = await signIn(t, DEMO.admin);
    [{ id: cleaningDepartmentId }] = await t.app
      .get(DataSource)
      .query(`SELECT id FROM departments WHERE code = 'limpieza'`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the routes the app really serves', () => {
    // Sanity of the discovery itself: it must see the public API, auth, staff and admin routes.
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/v1/categories',
        'POST /api/v1/reports',
        'POST /api/v1/auth/login',
        'GET /health/live',
      ]),
    );
    expect(keys.filter((key) => / \/api\/v1\/(staff|admin)\//.test(key)).length).toBeGreaterThanOrEqual(
      Object.keys(EXPECTED).length,
    );
    const fastify = t.app.getHttpAdapter().getInstance();
    for (const route of routes)
      expect({
        route: route.path,
        registered: fastify.hasRoute({ method: route.method, url: route.path }),
      }).toEqual({ route: route.path, registered: true });
  });

  it('declares access on every route of every controller (an undeclared route is refused by the guard)', () => {
    const undeclared = routes
      .filter((r) => !r.access || r.access.length === 0)
      .map((r) => `${r.method} ${r.path} (${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('keeps /staff and /admin routes off the public and the merely signed-in', () => {
    const open = routes
      .filter(
        (r) =>
          /^\/api\/v1\/(staff|admin)\//.test(r.path) &&
          r.access?.some((rule) => rule === 'public' || rule === 'signed-in'),
      )
      .map((r) => `${r.method} ${r.path}`);
    expect(open).toEqual([]);
  });

  it('lists every staff and admin route in the table, and nothing that no longer exists', () => {
    const discovered = routes
      .filter((r) => /^\/api\/v1\/(staff|admin)\//.test(r.path))
      .map((r) => `${r.method} ${r.path}`);
    expect(discovered.filter((key) => !(key in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((key) => !discovered.includes(key))).toEqual([]);
  });

  it('refuses every staff and admin route to whoever the table does not allow, and lets the others through', async () => {
    const mismatches: string[] = [];
    for (const route of routes.filter((r) => /^\/api\/v1\/(staff|admin)\//.test(r.path))) {
      const key = `${route.method} ${route.path}`;
      const allowed = EXPECTED[key] ?? [];
      const url = route.path.replace(/:[A-Za-z]+/g, () =>
        DEPARTMENT_SCOPED.has(key) ? cleaningDepartmentId : randomUUID(),
      );
      for (const persona of PERSONAS) {
        const session = sessions[persona];
        const unsafe = route.method !== 'GET';
        const response = STREAMING.has(key)
          ? await peek(t, url, withSession(session))
          : await t.inject({
              method: route.method,
              url,
              headers: withSession(session),
              ...(unsafe ? { payload: {} } : {}),
            });
        const status = response.statusCode;
        if (allowed.includes(persona)) {
          if (status === 401 || status === 403 || status >= 500)
            mismatches.push(`${key} as ${persona}: expected through, got ${status} ${response.body}`);
        } else {
          const expected = persona === 'anonymous' ? 401 : 403;
          const code = persona === 'anonymous' ? 'AUTH.UNAUTHENTICATED' : 'AUTH.FORBIDDEN';
          if (status !== expected || response.json().code !== code) {
            mismatches.push(
              `${key} as ${persona}: expected ${expected} ${code}, got ${status} ${response.json().code}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a staff member the departments they do not belong to, even on a route their role may call', async () => {
    const other = await t.inject({
      method: 'GET',
      url: `/api/v1/staff/departments/${cleaningDepartmentId}`,
      headers: withSession(sessions.otherDepartmentStaff),
    });
    expect(other.statusCode).toBe(403);
    const own = await t.inject({
      method: 'GET',
      url: `/api/v1/staff/departments/${cleaningDepartmentId}`,
      headers: withSession(sessions.departmentStaff),
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      code: 'limpieza',
      categories: expect.arrayContaining([expect.objectContaining({ code: 'limpieza', targetDays: 3 })]),
    });
    const mine = await t.inject({
      method: 'GET',
      url: '/api/v1/staff/departments',
      headers: withSession(sessions.departmentStaff),
    });
    expect(mine.json().map((d: { code: string }) => d.code)).toEqual(['limpieza']);
    const all = await t.inject({
      method: 'GET',
      url: '/api/v1/staff/departments',
      headers: withSession(sessions.communityManager),
    });
    expect(all.json().length).toBeGreaterThanOrEqual(8);
  });

  it('asks anonymous callers of signed-in routes to sign in', async () => {
    for (const route of routes.filter((r) => r.access?.includes('signed-in'))) {
      const response = await t.inject({
        method: route.method,
        url: route.path,
        ...(route.method === 'GET' ? {} : { payload: {} }),
      });
      expect({ route: route.path, status: response.statusCode }).toEqual({ route: route.path, status: 401 });
    }
  });
});

/** A GET whose body may never end: the status, and the body only when it is a refusal. */
async function peek(t: TestApp, url: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const response = await fetch(new URL(url, t.baseUrl), { headers, signal: abort.signal });
  const body = response.ok ? '' : await response.text();
  abort.abort();
  return { statusCode: response.status, body, json: () => JSON.parse(body) };
}

const METHOD_NAMES: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.OPTIONS]: 'OPTIONS',
  [RequestMethod.HEAD]: 'HEAD',
};

/**
 * Every handler of every controller Nest registered, with its access rules, its method and the
 * path Fastify serves it at (with or without the /api prefix, whichever Fastify knows).
 */
function discoverRoutes(t: TestApp): DiscoveredRoute[] {
  const fastify = t.app.getHttpAdapter().getInstance();
  const found: DiscoveredRoute[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = firstPath(Reflect.getMetadata(PATH_METADATA, controller));
      const classVersion = Reflect.getMetadata(VERSION_METADATA, controller) as string | undefined;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const methodCode = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (methodCode === undefined) continue;
        const method = METHOD_NAMES[methodCode];
        if (!method)
          throw new Error(`${controller.name}.${name}: method ${methodCode} is not covered by this test`);
        const version =
          (Reflect.getMetadata(VERSION_METADATA, handler) as string | undefined) ?? classVersion;
        const tail = [
          version ? `v${version}` : '',
          base,
          firstPath(Reflect.getMetadata(PATH_METADATA, handler)),
        ]
          .map((part) => part.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/');
        const candidates = [`/api/${tail}`, `/${tail}`].map((p) => p.replace(/\/$/, '') || '/');
        const path =
          candidates.find((p) => fastify.hasRoute({ method: method as 'GET', url: p })) ?? candidates[0]!;
        const access =
          (Reflect.getMetadata(ACCESS_METADATA, handler) as readonly AccessRule[] | undefined) ??
          (Reflect.getMetadata(ACCESS_METADATA, controller) as readonly AccessRule[] | undefined);
        found.push({ method, path, handler: `${controller.name}.${name}`, access });
      }
    }
  }
  return found;
}

function firstPath(value: unknown): string {
  return Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '';
}
