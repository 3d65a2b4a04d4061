import { syncCityTimeZone } from '@plaza/api/database';
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
});
