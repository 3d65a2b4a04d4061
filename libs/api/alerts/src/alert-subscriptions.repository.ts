import { Injectable } from '@nestjs/common';
import {
  pickText,
  type AlertFrequency,
  type AlertScope,
  type Locale,
  type LocalizedText,
} from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';
import type { AlertTarget } from './alert-texts';

/** A subscription with what it watches resolved to names; `email` is null once unsubscribed. */
export interface SubscriptionRow {
  id: string;
  email: string | null;
  locale: Locale;
  scope: AlertScope;
  frequency: AlertFrequency;
  confirmedAt: Date | null;
  confirmationSentAt: Date;
  unsubscribedAt: Date | null;
  areaName: string | null;
  categoryName: LocalizedText | null;
  lat: number | null;
  lon: number | null;
  radius: number | null;
}

/** The columns of a new subscription; exactly one of area / point / category, as `scope` says. */
export interface NewSubscription {
  email: string;
  locale: Locale;
  scope: AlertScope;
  frequency: AlertFrequency;
  areaId: string | null;
  categoryId: string | null;
  point: { lat: number; lon: number; radius: number } | null;
  tokenHash: string;
  now: Date;
}

const SELECT = `
  SELECT s.id, s.email, s.locale, s.scope, s.frequency, s.confirmed_at AS "confirmedAt",
         s.confirmation_sent_at AS "confirmationSentAt", s.unsubscribed_at AS "unsubscribedAt",
         a.name AS "areaName", c.name AS "categoryName",
         ST_Y(s.point::geometry) AS lat, ST_X(s.point::geometry) AS lon, s.radius_m AS radius
    FROM alert_subscriptions s
    LEFT JOIN areas a ON a.id = s.area_id
    LEFT JOIN categories c ON c.id = s.category_id`;

/** The expression of the unique index on live subscriptions (migration 1795800000000-Alerts). */
const SCOPE_KEY = `coalesce(area_id::text, category_id::text, ST_AsText(point::geometry) || '/' || radius_m::text)`;

/** `alert_subscriptions`. Every read of `email` is for sending mail to that very subscriber. */
@Injectable()
export class AlertSubscriptionsRepository {
  async areaByCode(manager: EntityManager, code: string): Promise<{ id: string } | null> {
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM areas WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  async categoryByCode(manager: EntityManager, code: string): Promise<{ id: string } | null> {
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM categories WHERE code = $1 AND active`, [code]);
    return rows[0] ?? null;
  }

  /**
   * Inserts the subscription, or finds the live one with the same address, scope and frequency
   * (subscribing twice is one subscription). `created` tells which.
   */
  async insertOrFind(
    manager: EntityManager,
    s: NewSubscription,
  ): Promise<{ row: SubscriptionRow; created: boolean }> {
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO alert_subscriptions
         (email, locale, scope, frequency, area_id, category_id, point, radius_m,
          confirmation_token_hash, confirmation_sent_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6,
               CASE WHEN $7::float8 IS NULL THEN NULL
                    ELSE ST_SetSRID(ST_MakePoint($8::float8, $7::float8), 4326)::geography END,
               $9, $10, $11, $11)
       ON CONFLICT (email, scope, frequency, ${SCOPE_KEY}) WHERE unsubscribed_at IS NULL DO NOTHING
       RETURNING id`,
      [
        s.email,
        s.locale,
        s.scope,
        s.frequency,
        s.areaId,
        s.categoryId,
        s.point?.lat ?? null,
        s.point?.lon ?? null,
        s.point?.radius ?? null,
        s.tokenHash,
        s.now,
      ],
    );
    if (inserted[0]) return { row: (await this.byId(manager, inserted[0].id))!, created: true };
    const [existing] = await manager.query<{ id: string }[]>(
      `SELECT id FROM alert_subscriptions
        WHERE unsubscribed_at IS NULL AND email = $1 AND scope = $2 AND frequency = $3
          AND ${SCOPE_KEY} = (SELECT coalesce($4::uuid::text, $5::uuid::text,
                ST_AsText(ST_SetSRID(ST_MakePoint($7::float8, $6::float8), 4326)::geography::geometry) || '/' || $8::int::text))
        FOR UPDATE`,
      [
        s.email,
        s.scope,
        s.frequency,
        s.areaId,
        s.categoryId,
        s.point?.lat ?? null,
        s.point?.lon ?? null,
        s.point?.radius ?? null,
      ],
    );
    if (!existing) throw new Error('A conflicting alert subscription vanished mid-transaction');
    return { row: (await this.byId(manager, existing.id))!, created: false };
  }

  async byId(manager: EntityManager, id: string): Promise<SubscriptionRow | null> {
    if (!isUuid(id)) return null;
    const rows = await manager.query<StoredSubscription[]>(`${SELECT} WHERE s.id = $1`, [id]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** A live subscription by the hash of its confirmation token, locked for the confirmation. */
  async byTokenHash(manager: EntityManager, tokenHash: string): Promise<SubscriptionRow | null> {
    const rows = await manager.query<StoredSubscription[]>(
      `${SELECT} WHERE s.confirmation_token_hash = $1 AND s.unsubscribed_at IS NULL FOR UPDATE OF s`,
      [tokenHash],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** A fresh token for a subscription not yet confirmed (the old link stops working). */
  async renewToken(
    manager: EntityManager,
    id: string,
    tokenHash: string,
    now: Date,
    locale: Locale,
  ): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE alert_subscriptions SET confirmation_token_hash = $2, confirmation_sent_at = $3, locale = $4 WHERE id = $1`,
      [id, tokenHash, now, locale],
    );
  }

  async confirm(manager: EntityManager, id: string, now: Date): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE alert_subscriptions SET confirmed_at = coalesce(confirmed_at, $2) WHERE id = $1`,
      [id, now],
    );
  }

  /** Stops the alerts and forgets the address; idempotent. */
  async unsubscribe(manager: EntityManager, id: string, now: Date): Promise<void> {
    if (!isUuid(id)) return;
    await manager.query<unknown[]>(
      `UPDATE alert_subscriptions SET unsubscribed_at = $2, email = NULL, confirmation_token_hash = NULL
        WHERE id = $1 AND unsubscribed_at IS NULL`,
      [id, now],
    );
  }

  /** Subscriptions never confirmed within `before`: their addresses were given but never proven. */
  async purgeUnconfirmed(manager: EntityManager, before: Date): Promise<number> {
    const rows = await manager.query<{ id: string }[]>(
      `DELETE FROM alert_subscriptions WHERE confirmed_at IS NULL AND created_at < $1 AND confirmation_sent_at < $1 RETURNING id`,
      [before],
    );
    return rows.length;
  }
}

/** A subscription as the SELECT columns come back (timestamps and numbers as the driver gives them). */
export interface StoredSubscription {
  id: string;
  email: string | null;
  locale: string;
  scope: string;
  frequency: string;
  confirmedAt: Date | string | null;
  confirmationSentAt: Date | string;
  unsubscribedAt: Date | string | null;
  areaName: string | null;
  categoryName: LocalizedText | null;
  lat: number | string | null;
  lon: number | string | null;
  radius: number | string | null;
}

export function toRow(raw: StoredSubscription): SubscriptionRow {
  return {
    id: raw['id'] as string,
    email: (raw['email'] as string | null) ?? null,
    locale: raw['locale'] as Locale,
    scope: raw['scope'] as AlertScope,
    frequency: raw['frequency'] as AlertFrequency,
    confirmedAt: raw['confirmedAt'] ? new Date(raw['confirmedAt'] as string) : null,
    confirmationSentAt: new Date(raw['confirmationSentAt'] as string),
    unsubscribedAt: raw['unsubscribedAt'] ? new Date(raw['unsubscribedAt'] as string) : null,
    areaName: (raw['areaName'] as string | null) ?? null,
    categoryName: (raw['categoryName'] as LocalizedText | null) ?? null,
    lat: raw['lat'] === null || raw['lat'] === undefined ? null : Number(raw['lat']),
    lon: raw['lon'] === null || raw['lon'] === undefined ? null : Number(raw['lon']),
    radius: raw['radius'] === null || raw['radius'] === undefined ? null : Number(raw['radius']),
  };
}

/** What the subscription watches, with names in `locale` (the subscriber's, for mail). */
export function targetOf(
  row: Pick<SubscriptionRow, 'scope' | 'areaName' | 'categoryName' | 'lat' | 'lon' | 'radius'>,
  locale: Locale,
): AlertTarget {
  if (row.scope === 'area') return { scope: 'area', areaName: row.areaName ?? '' };
  if (row.scope === 'category')
    return { scope: 'category', categoryName: row.categoryName ? pickText(row.categoryName, locale) : '' };
  return { scope: 'radius', lat: row.lat ?? 0, lon: row.lon ?? 0, radius: row.radius ?? 0 };
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
