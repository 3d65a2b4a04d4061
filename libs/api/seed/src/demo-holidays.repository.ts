import type { EntityManager } from 'typeorm';

type Scope = 'national' | 'regional' | 'local';

/**
 * Madrid's working calendar for 2026 and 2027: national holidays, the Comunidad de Madrid's
 * and the city's own (San Isidro, La Almudena). 2026 as published (Comunidad de Madrid decree of
 * September 2025, Madrid city council of 30 September 2025). 2027 follows the fixed dates and the
 * usual Madrid moves (Jueves Santo; 2 May falling on a Sunday moved to Monday 3 May): check it
 * against the BOCM once published and adjust in the console (admin → holidays).
 */
export const DEMO_HOLIDAYS: ReadonlyArray<{ date: string; name: string; scope: Scope }> = [
  { date: '2026-01-01', name: 'Año Nuevo', scope: 'national' },
  { date: '2026-01-06', name: 'Epifanía del Señor', scope: 'national' },
  { date: '2026-04-02', name: 'Jueves Santo', scope: 'regional' },
  { date: '2026-04-03', name: 'Viernes Santo', scope: 'national' },
  { date: '2026-05-01', name: 'Fiesta del Trabajo', scope: 'national' },
  { date: '2026-05-02', name: 'Fiesta de la Comunidad de Madrid', scope: 'regional' },
  { date: '2026-05-15', name: 'San Isidro', scope: 'local' },
  { date: '2026-08-15', name: 'Asunción de la Virgen', scope: 'national' },
  { date: '2026-10-12', name: 'Fiesta Nacional de España', scope: 'national' },
  { date: '2026-11-02', name: 'Todos los Santos (traslado)', scope: 'regional' },
  { date: '2026-11-09', name: 'Nuestra Señora de la Almudena', scope: 'local' },
  { date: '2026-12-07', name: 'Día de la Constitución Española (traslado)', scope: 'regional' },
  { date: '2026-12-08', name: 'Inmaculada Concepción', scope: 'national' },
  { date: '2026-12-25', name: 'Natividad del Señor', scope: 'national' },
  { date: '2027-01-01', name: 'Año Nuevo', scope: 'national' },
  { date: '2027-01-06', name: 'Epifanía del Señor', scope: 'national' },
  { date: '2027-03-25', name: 'Jueves Santo', scope: 'regional' },
  { date: '2027-03-26', name: 'Viernes Santo', scope: 'national' },
  { date: '2027-05-01', name: 'Fiesta del Trabajo', scope: 'national' },
  { date: '2027-05-03', name: 'Fiesta de la Comunidad de Madrid (traslado)', scope: 'regional' },
  { date: '2027-05-15', name: 'San Isidro', scope: 'local' },
  { date: '2027-08-15', name: 'Asunción de la Virgen', scope: 'national' },
  { date: '2027-10-12', name: 'Fiesta Nacional de España', scope: 'national' },
  { date: '2027-11-01', name: 'Todos los Santos', scope: 'national' },
  { date: '2027-11-09', name: 'Nuestra Señora de la Almudena', scope: 'local' },
  { date: '2027-12-06', name: 'Día de la Constitución Española', scope: 'national' },
  { date: '2027-12-08', name: 'Inmaculada Concepción', scope: 'national' },
  { date: '2027-12-25', name: 'Natividad del Señor', scope: 'national' },
];

/** The demo city's holiday calendar; only fills an empty one. Open cases' due dates follow it. */
export async function seedDemoHolidays(manager: EntityManager): Promise<number> {
  const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM holidays`);
  if (count > 0) return 0;
  for (const h of DEMO_HOLIDAYS) {
    await manager.query<unknown[]>(`INSERT INTO holidays (date, name, scope) VALUES ($1, $2, $3)`, [h.date, h.name, h.scope]);
  }
  await manager.query<unknown[]>(
    `UPDATE reports r SET due_at = plaza_business_due(r.created_at, c.target_days)
       FROM categories c WHERE c.id = r.category_id`,
  );
  return DEMO_HOLIDAYS.length;
}
