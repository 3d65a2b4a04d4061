import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Named secrets generated once and shared by every replica (`app_secrets`). */
@Injectable()
export class AppSecretsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The stored value; `candidate` is stored first when the name has none (the first writer wins). */
  async getOrCreate(name: string, candidate: string): Promise<string> {
    await this.db.query<unknown[]>(`INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
      name,
      candidate,
    ]);
    const [row] = await this.db.query<{ value: string }[]>(`SELECT value FROM app_secrets WHERE name = $1`, [name]);
    return row!.value;
  }
}
