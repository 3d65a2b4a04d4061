import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The street viewport's index (docs/decisions/0018-viewport-grid.md): filed reports per cell of a
 * 1/400° grid, newest first, with what the map's filters test (status, category) and the location
 * (the box test), so a view's page is a merge of its cells' newest entries read from the index alone.
 *
 * Before it, a dense central view (≈ 24,600 reports in 900 × 700 m on the seeded million) either
 * read every report in the box from the GiST index and kept the newest 500 (19–24 ms), or walked
 * the city's newest reports until 500 fell in the box. The expressions must stay exactly those
 * of libs/api/reports/src/viewport-grid.ts, or the planner will not use the index.
 */
export class ViewportCells1798093320000 implements MigrationInterface {
  name = 'ViewportCells1798093320000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX reports_viewport_cells_idx
          ON reports ((floor(ST_X(location) * 400)::int), (floor(ST_Y(location) * 400)::int), id DESC)
     INCLUDE (status, category_id, location)
       WHERE confirmation_pending_since IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reports_viewport_cells_idx`);
  }
}
