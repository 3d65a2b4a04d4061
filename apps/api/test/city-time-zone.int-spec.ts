import { BUSINESS_DUE_SQL, syncCityTimeZone } from '@plaza/api/database';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';

// Friday 4 December 2026, 23:30 UTC: already Saturday in Madrid, still Friday afternoon in New York.
const LATE_FRIDAY = '2026-12-04T23:30:00Z';

describe('the city time zone (CITY_TIME_ZONE) in due dates', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp({ CITY_TIME_ZONE: 'America/New_York' });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  async function dueOf(start: string): Promise<string> {
    const [row] = await db.query(`SELECT to_json(plaza_business_due($1::timestamptz, 1))#>>'{}' AS due`, [start]);
    return new Date(row.due).toISOString();
  }

  it('counts business days in the configured zone, written at boot', async () => {
    const [{ zone }] = await db.query(`SELECT time_zone AS zone FROM city_settings`);
    expect(zone).toBe('America/New_York');
    // Friday in New York: one business day later is the end of Monday 7 December, New York time.
    expect(await dueOf(LATE_FRIDAY)).toBe('2026-12-08T04:59:59.999Z');
  });

  it('takes the zone as a parameter too, and a change of zone recomputes open cases only once', async () => {
    const [row] = await db.query(
      `SELECT to_json(plaza_business_due($1::timestamptz, 1, 'Europe/Madrid'))#>>'{}' AS due`,
      [LATE_FRIDAY],
    );
    // Saturday in Madrid: the next business day is Monday 7 December, ending at 23:00 UTC.
    expect(new Date(row.due).toISOString()).toBe('2026-12-07T22:59:59.999Z');
    expect(await db.transaction((m) => syncCityTimeZone(m, 'Europe/Madrid'))).toBe(true);
    expect(await dueOf(LATE_FRIDAY)).toBe('2026-12-07T22:59:59.999Z');
    expect(await db.transaction((m) => syncCityTimeZone(m, 'Europe/Madrid'))).toBe(false);
  });

  it('gives the same due dates as the SQL body it had, holidays and time zones included', async () => {
    // Migration BusinessDueInPlpgsql rewrote the function for speed; the old body is the oracle.
    const mismatches = await db.transaction(async (m) => {
      await m.query(BUSINESS_DUE_SQL.replace('FUNCTION plaza_business_due(', 'FUNCTION pg_temp.business_due_before('));
      // A long weekend, a holiday on a Monday and back-to-back ones, as a regional calendar has.
      await m.query(
        `INSERT INTO holidays (date, name, scope)
         SELECT d::date, 'Festivo de prueba', 'local' FROM unnest(ARRAY['2026-12-07', '2026-12-08', '2026-12-24', '2026-12-25', '2027-01-01', '2027-01-06']) d
          WHERE NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = d::date)`,
      );
      const [row] = await m.query<Array<{ mismatches: number; cases: number }>>(
        `SELECT count(*) FILTER (WHERE plaza_business_due(s, d, z) IS DISTINCT FROM pg_temp.business_due_before(s, d, z))::int AS mismatches,
                count(*)::int AS cases
           FROM generate_series(timestamptz '2026-11-20', timestamptz '2027-01-20', interval '5 hours 17 minutes') s,
                (VALUES (NULL::int), (0), (1), (2), (5), (10), (30)) dd(d),
                (VALUES ('Europe/Madrid'), ('Atlantic/Canary'), ('America/New_York')) zz(z)`,
      );
      await m.query(`DELETE FROM holidays WHERE name = 'Festivo de prueba'`);
      return row!;
    });
    expect(mismatches.cases).toBeGreaterThan(5000);
    expect(mismatches.mismatches).toBe(0);
  });
});
