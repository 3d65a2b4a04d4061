import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SavedView } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';

interface ViewsRow {
  views: SavedView[];
}

/** `staff_saved_views`: one list of saved inbox views per person. */
@Injectable()
export class SavedViewsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(userId: string): Promise<SavedView[]> {
    const [row] = await this.db.query<ViewsRow[]>(`SELECT views FROM staff_saved_views WHERE user_id = $1`, [userId]);
    return row?.views ?? [];
  }

  async replace(userId: string, views: SavedView[]): Promise<SavedView[]> {
    const [row] = await this.db.query<ViewsRow[]>(
      `INSERT INTO staff_saved_views (user_id, views, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (user_id) DO UPDATE SET views = EXCLUDED.views, updated_at = now()
       RETURNING views`,
      [userId, JSON.stringify(views)],
    );
    return row!.views;
  }
}
