import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

interface VisibilityRow {
  public: boolean;
}

/** Whether a photo key may be served to anyone, or only to staff. */
export type PhotoVisibility = 'public' | 'restricted' | 'unknown';

/**
 * Reads, never writes, the photo tables of reports and proposals: a key (full size or thumbnail) is
 * served once processed (a pending upload's derivatives do not exist yet, and its original has no
 * key here at all) and while neither the photo nor the report or proposal it belongs to was hidden by moderation.
 * Photos of a report still awaiting confirmation or moderation stay reachable: their random keys are
 * known only to the reporter (in the filing answer) and to staff, and the reporter may look at them.
 */
@Injectable()
export class MediaVisibilityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async visibility(key: string): Promise<PhotoVisibility> {
    const rows = await this.db.query<VisibilityRow[]>(
      `SELECT p.state = 'ready' AND NOT p.hidden AND r.status <> 'hidden' AS public
         FROM report_photos p JOIN reports r ON r.id = p.report_id
        WHERE p.storage_key = $1 OR p.thumbnail_key = $1
       UNION ALL
       SELECT pr.status <> 'hidden'
         FROM proposal_images i JOIN proposals pr ON pr.id = i.proposal_id
        WHERE i.storage_key = $1 OR i.thumbnail_key = $1
       LIMIT 1`,
      [key],
    );
    const [row] = rows;
    if (!row) return 'unknown';
    return row.public ? 'public' : 'restricted';
  }
}
