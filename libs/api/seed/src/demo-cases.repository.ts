import type { EntityManager } from 'typeorm';

interface DemoCase {
  key: string;
  address: string;
  category: string;
  /** District code; the report sits on a point inside it. */
  area: string;
  title: string;
  description: string;
  status: string;
  daysAgo: number;
  priority?: string;
  /** false: no department yet (the "unassigned" queue). */
  routed?: boolean;
  source?: string;
  channelDetails?: string;
  reporter: { name: string; email: string; phone?: string };
}

/**
 * The moderation console's demo queue: one of each situation a community manager meets. The
 * point is inside the district; the address is a street of that district, for the reading.
 */
const CASES: readonly DemoCase[] = [
  {
    key: 'personal-data',
    address: 'Calle de Fuencarral, 120',
    category: 'pintada',
    area: '07',
    title: 'Pintadas en el portal de mi casa',
    description:
      'Han vuelto a pintar el portal. Me llamo Marta Gil, mi teléfono es 612 345 678 y mi DNI 12345678Z por si necesitan contactarme.',
    status: 'unconfirmed',
    daysAgo: 0,
    reporter: { name: 'Marta Gil', email: 'marta.gil@example.org', phone: '612 345 678' },
  },
  {
    key: 'awaiting-2',
    address: 'Calle del Doctor Esquerdo, 45',
    category: 'pintada',
    area: '04',
    title: 'Grafiti en el muro del parque',
    description: 'Un grafiti grande en el muro que da a la calle, junto a la entrada del parque.',
    status: 'unconfirmed',
    daysAgo: 1,
    reporter: { name: 'Andrés Molina', email: 'andres@example.org' },
  },
  {
    key: 'awaiting-phone',
    address: 'Paseo de Extremadura, 88',
    category: 'pintada',
    area: '10',
    title: 'Pintada ofensiva en la marquesina',
    description: 'La marquesina del autobús tiene una pintada con insultos.',
    status: 'unconfirmed',
    daysAgo: 2,
    source: 'phone',
    channelDetails: 'Llamada al 010',
    reporter: { name: 'Rosa Campos', email: '', phone: '+34 699 000 111' },
  },
  {
    key: 'unassigned-1',
    address: 'Paseo de las Delicias, 60',
    category: 'mobiliario',
    area: '02',
    title: 'Banco roto en la plaza',
    description: 'El respaldo del banco está partido y tiene astillas.',
    status: 'confirmed',
    daysAgo: 1,
    routed: false,
    reporter: { name: 'Tomás Vidal', email: 'tomas@example.org' },
  },
  {
    key: 'unassigned-2',
    address: 'Calle del Príncipe de Vergara, 260',
    category: 'senal',
    area: '05',
    title: 'Señal de stop tumbada',
    description: 'La señal de stop de la esquina está en el suelo desde el fin de semana.',
    status: 'confirmed',
    daysAgo: 3,
    priority: 'high',
    routed: false,
    reporter: { name: 'Elena Prieto', email: 'elena@example.org' },
  },
  {
    key: 'overdue-cleaning',
    address: 'Calle de Bravo Murillo, 150',
    category: 'limpieza',
    area: '06',
    title: 'Aceras llenas de hojas y barro',
    description: 'Nadie ha barrido esta calle en dos semanas; resbala mucho.',
    status: 'investigating',
    daysAgo: 16,
    priority: 'high',
    reporter: { name: 'Irene Soto', email: 'irene@example.org' },
  },
  {
    key: 'overdue-light',
    address: 'Calle de Sinesio Delgado, 12',
    category: 'farola',
    area: '08',
    title: 'Tres farolas apagadas seguidas',
    description: 'Toda la acera queda a oscuras por la noche, es peligroso.',
    status: 'confirmed',
    daysAgo: 12,
    priority: 'urgent',
    reporter: { name: 'Pablo Ferrer', email: 'pablo@example.org' },
  },
  {
    key: 'referred',
    address: 'Avenida de Menéndez Pelayo, 30',
    category: 'limpieza',
    area: '03',
    title: 'Ramas caídas en la acera',
    description: 'Tras el viento hay ramas grandes cortando el paso.',
    status: 'confirmed',
    daysAgo: 2,
    reporter: { name: 'Nuria Lozano', email: 'nuria@example.org' },
  },
  {
    key: 'draft',
    address: 'Calle de la Princesa, 70',
    category: 'limpieza',
    area: '09',
    title: 'Papeleras desbordadas junto al colegio',
    description: 'Las papeleras de la puerta del colegio llevan días desbordadas.',
    status: 'in_progress',
    daysAgo: 2,
    reporter: { name: 'Diego Marín', email: 'diego@example.org' },
  },
];

/**
 * Adds the console's demo queue to the demo city: reports awaiting moderation (one with a phone
 * number and a DNI in its text), unassigned and overdue ones, one a department referred back,
 * one with a department's draft reply waiting for approval, and a few internal notes. Needs the
 * demo accounts; only runs once.
 */
export async function seedDemoCases(manager: EntityManager): Promise<number> {
  const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM internal_notes`);
  if (count > 0) return 0;
  const users: Array<{ id: string; email: string }> = await manager.query<Array<{ id: string; email: string }>>(
    `SELECT id, email FROM users WHERE email IN ('gestora@demo.plaza.test', 'limpieza@demo.plaza.test')`,
  );
  const managerId = users.find((u) => u.email.startsWith('gestora'))?.id;
  const cleaningId = users.find((u) => u.email.startsWith('limpieza'))?.id;
  if (!managerId || !cleaningId) return 0;

  const ids: Record<string, string> = {};
  for (const c of CASES) {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO reports (title, description, category_id, location, address, area_id, department_id, status,
                            reporter_name, reporter_email, reporter_phone, reporter_show_name, consent_at, source,
                            channel_details, priority, created_at, updated_at)
       SELECT $1, $2, c.id, ST_PointOnSurface(a.geom), $14, a.id,
              CASE WHEN $6 THEN coalesce(rr.department_id, c.default_department_id) END,
              $5, $7, $8, $9, false, now() - make_interval(days => $10), $11, $12, $13,
              now() - make_interval(days => $10), now() - make_interval(days => $10)
         FROM categories c JOIN areas a ON a.code = $4
         LEFT JOIN routing_rules rr ON rr.area_id = a.id AND rr.category_id = c.id
        WHERE c.code = $3
       RETURNING id::text AS id`,
      [
        c.title,
        c.description,
        c.category,
        c.area,
        c.status,
        c.routed ?? true,
        c.reporter.name,
        c.reporter.email,
        c.reporter.phone ?? null,
        c.daysAgo,
        c.source ?? 'web',
        c.channelDetails ?? null,
        c.priority ?? 'normal',
        c.address,
      ],
    );
    if (!row) continue;
    ids[c.key] = row.id;
    const first = c.status === 'unconfirmed' ? 'unconfirmed' : 'confirmed';
    await manager.query<unknown[]>(
      `INSERT INTO report_events (report_id, at, actor_kind, from_status, to_status)
       SELECT id, created_at, 'citizen', NULL, $2 FROM reports WHERE id = $1`,
      [row.id, first],
    );
    if (c.status !== first) {
      await manager.query<unknown[]>(
        `INSERT INTO report_events (report_id, at, actor_kind, actor_id, from_status, to_status, department_id)
         SELECT id, LEAST(created_at + interval '1 day', now() - interval '1 minute'), 'staff', $3, 'confirmed', $2, department_id
           FROM reports WHERE id = $1`,
        [row.id, c.status, cleaningId],
      );
    }
  }

  if (ids['referred']) {
    await manager.query<unknown[]>(
      `UPDATE reports SET referred_at = now() - interval '3 hours', referred_by = $2, referred_department_id = department_id,
                          referral_reason = 'Son ramas de arbolado: corresponde a Parques y Jardines.'
        WHERE id = $1`,
      [ids['referred'], cleaningId],
    );
    await manager.query<unknown[]>(
      `INSERT INTO report_events (report_id, at, actor_kind, actor_id, from_status, to_status, message, is_public, department_id)
       SELECT id, now() - interval '3 hours', 'staff', $2, status, status,
              'Son ramas de arbolado: corresponde a Parques y Jardines.', false, department_id
         FROM reports WHERE id = $1`,
      [ids['referred'], cleaningId],
    );
  }
  if (ids['draft']) {
    await manager.query<unknown[]>(
      `INSERT INTO reply_drafts (report_id, author_id, department_id, body, proposed_status, created_at)
       SELECT id, $2, department_id, 'ya se han vaciado las papeleras y se ha puesto una mas grande', 'fixed',
              now() - interval '1 hour'
         FROM reports WHERE id = $1`,
      [ids['draft'], cleaningId],
    );
  }
  const notes: Array<[string, string, string, string]> = [
    ['personal-data', managerId, 'La vecina ha escrito también por correo: mismo caso.', 'community_managers'],
    ['overdue-cleaning', managerId, 'Vecinos muy molestos; el distrito pregunta por plazos.', 'departments'],
    ['overdue-cleaning', cleaningId, 'Barredora averiada hasta el jueves.', 'departments'],
    ['referred', managerId, 'Confirmar con Parques antes de reasignar.', 'community_managers'],
  ];
  for (const [key, author, body, visibility] of notes) {
    if (!ids[key]) continue;
    await manager.query<unknown[]>(
      `INSERT INTO internal_notes (report_id, author_id, body, visibility, created_at)
       VALUES ($1, $2, $3, $4, now() - interval '2 hours')`,
      [ids[key], author, body, visibility],
    );
  }
  return Object.keys(ids).length;
}
