import { readFile } from 'node:fs/promises';
import type { EntityManager } from 'typeorm';
import { CATEGORIES, DEPARTMENTS } from './reference-data';

const DISTRICTS_URL = new URL('../data/madrid-districts.geojson', import.meta.url);

interface DistrictFeature {
  properties: { name: string; code: string };
  geometry: unknown;
}

/** Departments, categories and Madrid's 21 districts. Safe to call twice: it only fills an empty catalogue. */
export async function seedReferenceData(manager: EntityManager): Promise<boolean> {
  const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM departments`);
  if (count > 0) return false;
  for (const d of DEPARTMENTS) {
    await manager.query<unknown[]>(`INSERT INTO departments (code, name, contact_email) VALUES ($1, $2, $3)`, [d.code, d.name, d.email]);
  }
  for (const [index, c] of CATEGORIES.entries()) {
    await manager.query<unknown[]>(
      `INSERT INTO categories (code, name, description, group_name, icon, default_department_id,
                               requires_moderation, target_days, sort_order)
       SELECT $1, $2, $3, $4, $5, id, $7, $8, $9 FROM departments WHERE code = $6`,
      [c.code, c.name, c.description, c.group, c.icon, c.department, c.moderation, c.targetDays, index],
    );
  }
  const districts = JSON.parse(await readFile(DISTRICTS_URL, 'utf8')) as { features: DistrictFeature[] };
  for (const f of districts.features) {
    // Validated and repaired on the way in, as any uploaded boundary must be.
    await manager.query<unknown[]>(
      `INSERT INTO areas (code, name, kind, geom)
       VALUES ($1, $2, 'district', ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($3), 4326)), 3)))`,
      [f.properties.code, f.properties.name, JSON.stringify(f.geometry)],
    );
  }
  // One routing rule, to show the mechanism: graffiti in Centro goes to the heritage-aware street furniture team.
  await manager.query<unknown[]>(
    `INSERT INTO routing_rules (area_id, category_id, department_id)
     SELECT a.id, c.id, d.id FROM areas a, categories c, departments d
      WHERE a.code = '01' AND c.code = 'pintada' AND d.code = 'mobiliario'`,
  );
  return true;
}

const STATUS_MIX: [string, number][] = [
  ['confirmed', 30],
  ['investigating', 12],
  ['action_scheduled', 8],
  ['in_progress', 10],
  ['fixed', 20],
  ['closed', 6],
  ['duplicate', 3],
  ['not_responsible', 3],
  ['unable_to_fix', 2],
  ['internal_referral', 2],
  ['unconfirmed', 2],
  ['hidden', 2],
];

const STREETS = ['Calle de Alcalá', 'Gran Vía', 'Calle Mayor', 'Paseo de la Castellana', 'Calle de Bravo Murillo',
  'Calle de Atocha', 'Avenida de la Albufera', 'Calle de Embajadores', 'Calle de Toledo', 'Calle de Serrano',
  'Avenida de América', 'Calle de Arturo Soria', 'Paseo de Extremadura', 'Calle del General Ricardos'];

const DESCRIPTIONS = [
  'Lleva así más de una semana y es peligroso, sobre todo de noche.',
  'Varios vecinos lo hemos comentado. Por favor, revisadlo cuanto antes.',
  'Justo delante del colegio, pasan muchos niños a diario.',
  'Ya lo avisé por teléfono pero sigue igual.',
  'Afecta a personas mayores y a quien va con carrito.',
];

/**
 * A few hundred plausible reports spread over every district, in every status, over the last
 * four months. Deterministic (seeded), so screenshots and tests see the same city.
 */
export async function seedDemoReports(manager: EntityManager, perDistrict = 15): Promise<number> {
  const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM reports`);
  if (count > 0) return 0;
  const areas: { id: string; code: string }[] = await manager.query<{ id: string; code: string }[]>(`SELECT id, code FROM areas ORDER BY code`);
  const categories: { id: string; code: string; department_id: string }[] = await manager.query<{ id: string; code: string; department_id: string }[]>(
    `SELECT id, code, default_department_id AS department_id FROM categories ORDER BY sort_order`,
  );
  const random = mulberry32(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const totalWeight = STATUS_MIX.reduce((sum, [, w]) => sum + w, 0);
  const pickStatus = (): string => {
    let r = random() * totalWeight;
    for (const [status, weight] of STATUS_MIX) if ((r -= weight) < 0) return status;
    return 'confirmed';
  };
  let inserted = 0;
  for (const [areaIndex, area] of areas.entries()) {
    const points: { lon: number; lat: number }[] = await manager.query<{ lon: number; lat: number }[]>(
      `SELECT ST_X(g) AS lon, ST_Y(g) AS lat
         FROM (SELECT (ST_Dump(ST_GeneratePoints(geom, $2, $3))).geom AS g FROM areas WHERE id = $1) p`,
      [area.id, perDistrict, areaIndex + 1],
    );
    for (const point of points) {
      const categorySeed = pick(CATEGORIES);
      const category = categories.find((c) => c.code === categorySeed.code) ?? pick(categories);
      const status = pickStatus();
      const daysAgo = Math.floor(random() * 120);
      const street = pick(STREETS);
      const number = 1 + Math.floor(random() * 180);
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO reports (title, description, category_id, location, address, area_id, department_id, status,
                              reporter_name, reporter_email, reporter_show_name, consent_at, source, created_at, updated_at)
         VALUES ($1, $2, $3, ST_SetSRID(ST_MakePoint($4, $5), 4326), $6, $7, $8, $9, $10, $11, $12,
                 now() - make_interval(days => $13), 'web', now() - make_interval(days => $13),
                 -- The last change falls some hours after filing, but never later than now: a
                 -- report filed today must not have been "updated" tomorrow (issue 16 item 13).
                 LEAST(now() - make_interval(days => $13) + make_interval(hours => $14), now() - interval '1 minute'))
         RETURNING id`,
        [
          pick(categorySeed.sampleTitles),
          pick(DESCRIPTIONS),
          category.id,
          point.lon,
          point.lat,
          `${street}, ${number}`,
          area.id,
          category.department_id,
          status,
          `Vecino ${inserted + 1}`,
          `vecino${inserted + 1}@example.org`,
          random() < 0.3,
          daysAgo,
          Math.floor(random() * 24 * Math.min(daysAgo + 1, 20)),
        ],
      );
      await manager.query<unknown[]>(
        `INSERT INTO report_events (report_id, at, actor_kind, from_status, to_status)
         SELECT id, created_at, 'citizen', NULL, CASE WHEN $2 = 'unconfirmed' THEN 'unconfirmed' ELSE 'confirmed' END
           FROM reports WHERE id = $1`,
        [id, status],
      );
      if (status !== 'confirmed' && status !== 'unconfirmed') {
        await manager.query<unknown[]>(
          `INSERT INTO report_events (report_id, at, actor_kind, from_status, to_status, message, is_public)
           SELECT id, updated_at, 'staff', 'confirmed', $2, $3, $2 <> 'hidden' FROM reports WHERE id = $1`,
          [id, status, STATUS_MESSAGES[status] ?? null],
        );
      }
      inserted += 1;
    }
  }
  return inserted;
}

const STATUS_MESSAGES: Record<string, string> = {
  investigating: 'Gracias por su aviso. Un equipo técnico va a revisar la incidencia.',
  action_scheduled: 'La reparación está programada para los próximos días.',
  in_progress: 'Los trabajos están en curso.',
  fixed: 'La incidencia ha sido resuelta. Gracias por su colaboración.',
  closed: 'Cerramos el aviso tras la revisión del servicio.',
  duplicate: 'Este aviso ya estaba registrado; seguimos el original.',
  not_responsible: 'Este asunto no es competencia municipal; lo hemos trasladado al organismo responsable.',
  unable_to_fix: 'No es posible actuar por ahora; lo tendremos en cuenta en la planificación.',
  internal_referral: 'Hemos trasladado el aviso a otro servicio municipal.',
};

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
