import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The media route now asks, for every photo it serves, whether the photo is still public (not hidden
 * by a moderator, its report or proposal not hidden): by storage or thumbnail key, so both are indexed.
 */
export class PhotoKeyLookup1796321776654 implements MigrationInterface {
  name = 'PhotoKeyLookup1796321776654';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX report_photos_storage_key_idx ON report_photos (storage_key)`);
    await q.query(`CREATE INDEX report_photos_thumbnail_key_idx ON report_photos (thumbnail_key)`);
    await q.query(`CREATE INDEX proposal_images_storage_key_idx ON proposal_images (storage_key)`);
    await q.query(`CREATE INDEX proposal_images_thumbnail_key_idx ON proposal_images (thumbnail_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX proposal_images_thumbnail_key_idx`);
    await q.query(`DROP INDEX proposal_images_storage_key_idx`);
    await q.query(`DROP INDEX report_photos_thumbnail_key_idx`);
    await q.query(`DROP INDEX report_photos_storage_key_idx`);
  }
}
