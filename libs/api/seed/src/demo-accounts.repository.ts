import { hashPassword } from '@plaza/api/auth';
import type { Role } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';

/** Public on purpose (it is in the README): demo data only, which production configuration refuses. */
export const DEMO_PASSWORD = 'demo-plaza-2026';

export interface DemoAccount {
  email: string;
  name: string;
  roles: Role[];
  /** Department codes (reference-data.ts) of department staff. */
  departments: string[];
  locale: 'es' | 'en';
}

/** One account per role, as listed in the README. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@demo.plaza.test', name: 'Carmen Ortega', roles: ['admin'], departments: [], locale: 'es' },
  {
    email: 'gestora@demo.plaza.test',
    name: 'Lucía Serrano',
    roles: ['community_manager'],
    departments: [],
    locale: 'es',
  },
  {
    email: 'limpieza@demo.plaza.test',
    name: 'Javier Romero',
    roles: ['department_staff'],
    departments: ['limpieza'],
    locale: 'es',
  },
  {
    email: 'alumbrado@demo.plaza.test',
    name: 'Pilar Navarro',
    roles: ['department_staff'],
    departments: ['alumbrado'],
    locale: 'es',
  },
  {
    email: 'vecina@demo.plaza.test',
    name: 'Rosa Jiménez',
    roles: ['citizen'],
    departments: [],
    locale: 'es',
  },
  {
    email: 'vecino@demo.plaza.test',
    name: 'Andrés Molina',
    roles: ['citizen'],
    departments: [],
    locale: 'en',
  },
];

/**
 * The demo accounts, all with DEMO_PASSWORD. Needs the reference departments; does nothing if
 * the accounts exist already. Returns how many were created.
 */
export async function seedDemoAccounts(manager: EntityManager): Promise<number> {
  if (process.env['NODE_ENV'] === 'production') {
    throw new Error('Demo accounts have a published password: they are never seeded in production');
  }
  const [{ count }] = await manager.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM users WHERE email LIKE '%@demo.plaza.test'`,
  );
  if (count > 0) return 0;
  for (const account of DEMO_ACCOUNTS) {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO users (email, name, password_hash, locale, consent_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END) RETURNING id`,
      [
        account.email,
        account.name,
        await hashPassword(DEMO_PASSWORD),
        account.locale,
        account.roles.includes('citizen'),
      ],
    );
    for (const role of account.roles)
      await manager.query<unknown[]>(`INSERT INTO user_roles (user_id, role) VALUES ($1, $2)`, [id, role]);
    for (const code of account.departments) {
      const inserted = await manager.query<{ department_id: string }[]>(
        `INSERT INTO user_departments (user_id, department_id) SELECT $1, id FROM departments WHERE code = $2 RETURNING department_id`,
        [id, code],
      );
      if (inserted.length === 0) throw new Error(`Demo account ${account.email}: no department "${code}"`);
    }
  }
  return DEMO_ACCOUNTS.length;
}
