import type { EntityManager } from 'typeorm';

type Status = 'published' | 'under_evaluation' | 'accepted' | 'partially_accepted' | 'rejected' | 'in_execution' | 'completed';

interface ProposalSeed {
  title: string;
  summary: string;
  description: string;
  theme: string;
  /** District code (01 Centro … 21 Barajas); null for city-wide proposals. */
  district: string | null;
  /** False: the proposal names an area but no point. */
  point: boolean;
  status: Status;
  /** Official answer for decided proposals. */
  answer?: string;
  comments?: [string, string?][];
}

/** Which department answers each theme in the demo city. */
const THEME_DEPARTMENTS: Record<string, string> = {
  movilidad: 'movilidad',
  'medio-ambiente': 'parques',
  urbanismo: 'vias-publicas',
  limpieza: 'limpieza',
  cultura: 'mobiliario',
  deportes: 'parques',
};

const P = (
  title: string,
  summary: string,
  description: string,
  theme: string,
  district: string | null,
  status: Status,
  extra: Partial<ProposalSeed> = {},
): ProposalSeed => ({ title, summary, description, theme, district, point: district !== null, status, ...extra });

/** Realistic Madrid proposals, mostly in Spanish, a few in English, in every stage of the lifecycle. */
export const DEMO_PROPOSALS: readonly ProposalSeed[] = [
  P('Carril bici protegido en la calle de Alcalá', 'Un carril bici segregado entre Sol y Cibeles para ir al trabajo sin jugarse la vida.', 'Cada mañana cientos de personas bajan en bicicleta por Alcalá compartiendo carril con autobuses. Un carril protegido con bordillo, conectado con el de Castellana, haría el trayecto seguro.', 'movilidad', '01', 'under_evaluation', { comments: [['Lo uso todos los días, es muy necesario.', 'Gracias por apoyarla: hace falta de verdad.'], ['¿Y la carga y descarga de los comercios?']] }),
  P('Más fuentes de agua potable en Madrid Río', 'Instalar fuentes cada 500 metros a lo largo del parque de Madrid Río.', 'En verano el parque está lleno de gente corriendo y paseando con niños, y las fuentes están muy separadas. Pedimos fuentes accesibles, también para mascotas.', 'medio-ambiente', '02', 'accepted', { answer: 'Gracias por tu propuesta. El servicio de Parques y Jardines la ha estudiado y la acepta: instalaremos doce fuentes nuevas, accesibles y con bebedero para mascotas, antes del verano.' }),
  P('Biblioteca de Retiro abierta los domingos', 'Abrir la biblioteca pública del distrito los domingos por la mañana.', 'Muchos estudiantes y familias no pueden ir entre semana. Abrir los domingos de 10 a 14 daría un espacio de estudio y lectura cuando más falta hace.', 'cultura', '03', 'published'),
  P('Sombra en los parques infantiles', 'Toldos o árboles que den sombra en los parques infantiles del barrio de Salamanca.', 'Los columpios de metal queman en junio y julio. Unos toldos tensados o plantar árboles de crecimiento rápido permitiría usar los parques en verano.', 'medio-ambiente', '04', 'in_execution', { answer: 'Gracias por tu propuesta. El servicio de Parques y Jardines la acepta: colocaremos toldos en los cuatro parques infantiles del distrito y plantaremos árboles en dos de ellos.' }),
  P('Plant trees on every school street', 'Shade and cleaner air for children walking to school in Arganzuela.', 'Several school streets have no trees at all. Planting them would cool the pavements, calm the traffic and make the walk to school pleasant.', 'medio-ambiente', '02', 'published', { comments: [['Yes please, the summer heat is unbearable near the school gate.']] }),
  P('Paso de peatones elevado frente al colegio de Tetuán', 'Un paso elevado que obligue a los coches a frenar a la entrada del colegio.', 'A la hora de entrada los coches bajan muy rápido por la calle y ya ha habido sustos. Un paso elevado y señalización luminosa lo resolverían.', 'movilidad', '06', 'accepted', { answer: 'Gracias por tu propuesta. El servicio de Movilidad y Tráfico la acepta: construiremos el paso elevado durante las vacaciones escolares.' }),
  P('Pistas de petanca en el parque de Chamberí', 'Dos pistas de petanca para las personas mayores del barrio.', 'Las personas mayores juegan en la tierra de los alcorques. Unas pistas con bancos cerca serían un punto de encuentro.', 'deportes', '07', 'completed', { answer: 'Gracias por tu propuesta. El servicio de Parques y Jardines la acepta: construiremos dos pistas de petanca junto a la zona de mayores.' }),
  P('Recogida de aceite usado en los mercados municipales', 'Contenedores para aceite de cocina usado en todos los mercados.', 'Mucha gente tira el aceite por el fregadero porque el punto limpio queda lejos. En los mercados sería fácil llevarlo al hacer la compra.', 'limpieza', null, 'partially_accepted', { point: false, answer: 'Gracias por tu propuesta. El servicio de Limpieza Viaria acepta una parte: pondremos contenedores en los diez mercados con más afluencia. El resto no es viable este año porque el contrato de recogida no lo cubre.' }),
  P('Cubrir la M-30 en Puente de Vallecas con un parque', 'Soterrar el tramo que separa los barrios y cubrirlo con zonas verdes.', 'La M-30 parte el distrito en dos y trae ruido y contaminación. Cubrirla uniría los barrios y daría un parque lineal.', 'urbanismo', '13', 'rejected', { answer: 'Gracias por tu propuesta y por los apoyos recibidos. El servicio de Vías Públicas la ha estudiado y no es viable porque el coste supera el presupuesto de inversiones de varios años y requiere un proyecto de ámbito estatal.' }),
  P('Huertos urbanos en solares vacíos de Usera', 'Ceder solares municipales sin uso a asociaciones vecinales como huertos.', 'Hay varios solares vallados desde hace años. Convertirlos en huertos comunitarios daría vida al barrio y actividades para colegios.', 'medio-ambiente', '12', 'published', { comments: [['Nuestra asociación se ofrece a gestionarlo.'], ['Would the city provide water for irrigation?']] }),
  P('Iluminación en el camino del parque Juan Carlos I', 'Farolas de bajo consumo en el camino principal del parque.', 'Al anochecer en invierno el camino queda totalmente a oscuras y mucha gente vuelve del trabajo por ahí.', 'urbanismo', '21', 'under_evaluation'),
  P('Bicimad en Villaverde', 'Ampliar las estaciones de BiciMAD a Villaverde Alto y Bajo.', 'El sur de la ciudad no tiene ni una estación. Con el carril bici del Manzanares hacia el centro sería una alternativa real al coche.', 'movilidad', '17', 'published'),
  P('Cine de verano en la plaza de Carabanchel', 'Sesiones gratuitas de cine al aire libre en julio y agosto.', 'El barrio no tiene cines. Un cine de verano en la plaza con películas para todas las edades sería un plan para las noches de verano.', 'cultura', '11', 'accepted', { answer: 'Gracias por tu propuesta. El servicio de Mobiliario Urbano la acepta: habrá cine de verano los jueves de julio y agosto en la plaza.' }),
  P('Más papeleras en la calle de Fuencarral', 'Papeleras cada 50 metros en la calle peatonal de Fuencarral.', 'Los fines de semana la calle acaba llena de vasos y envoltorios porque las papeleras están muy separadas y se llenan enseguida.', 'limpieza', '01', 'completed', { answer: 'Gracias por tu propuesta. El servicio de Limpieza Viaria la acepta: instalaremos veinte papeleras nuevas y vaciaremos las existentes dos veces al día los fines de semana.' }),
  P('Skatepark en Moratalaz', 'Un skatepark de hormigón para jóvenes en el parque de Moratalaz.', 'Los jóvenes patinan en la plaza y hay conflictos con los vecinos. Un espacio propio resolvería el problema y daría un lugar de encuentro.', 'deportes', '14', 'published', { comments: [['Apoyo total, mis hijos irían cada tarde.', 'Y que tenga zona para principiantes, por favor.']] }),
  P('Limit traffic around the Rastro on Sundays', 'Close the streets around the Rastro to cars on Sunday mornings.', 'Every Sunday cars try to squeeze through crowds of visitors. A traffic-free area would make the market safer and more pleasant.', 'movilidad', '01', 'under_evaluation'),
  P('Zona de sombra en la plaza de Lavapiés', 'Toldos estacionales en la plaza de Lavapiés durante el verano.', 'La plaza es el corazón del barrio pero en verano es imposible estar. Unos toldos como los de Sevilla harían la plaza habitable.', 'urbanismo', '01', 'published'),
  P('Piscina municipal cubierta en Vicálvaro', 'Cubrir la piscina de verano para usarla todo el año.', 'El distrito no tiene piscina cubierta y hay que desplazarse a otros distritos para nadar en invierno.', 'deportes', '19', 'rejected', { answer: 'Gracias por tu propuesta y por los apoyos recibidos. El servicio de Parques y Jardines la ha estudiado y no es viable porque la estructura actual no soporta una cubierta; se estudiará en el próximo plan de instalaciones.' }),
  P('Asientos en las paradas de autobús de Latina', 'Bancos y marquesinas en las paradas que no tienen.', 'Muchas paradas del distrito no tienen ni banco ni marquesina, y la población es mayor. Esperar de pie bajo el sol o la lluvia es muy duro.', 'movilidad', '10', 'in_execution', { answer: 'Gracias por tu propuesta. El servicio de Movilidad y Tráfico la acepta: instalaremos marquesinas con banco en las 35 paradas que no tienen.' }),
  P('Centro de día para mayores en Hortaleza', 'Un centro de día público en el barrio de Canillas.', 'Las plazas del centro actual están cubiertas y hay lista de espera de más de un año. Las familias no tienen alternativa.', 'servicios-sociales', '16', 'published'),
  P('Aparcamientos seguros para bicicletas en los institutos', 'Aparcabicis cubiertos y cerrados en todos los institutos públicos.', 'Muchos alumnos no van en bici porque se la roban. Un aparcamiento cerrado con tarjeta animaría a usarla.', 'educacion', null, 'published', { point: false }),
  P('Presupuestos participativos también para jóvenes', 'Una parte de los presupuestos participativos decidida por menores de 16 a 18 años.', 'Los jóvenes no pueden votar pero sí tienen ideas. Reservar una partida que decidan ellos fomentaría la participación.', 'participacion', null, 'under_evaluation', { point: false }),
  P('Limpieza de pintadas en el puente de Segovia', 'Un plan periódico de limpieza de pintadas en el puente.', 'El puente histórico está cubierto de pintadas y da mala imagen a la entrada de Madrid Río.', 'limpieza', '10', 'accepted', { answer: 'Gracias por tu propuesta. El servicio de Limpieza Viaria la acepta: limpiaremos el puente este mes y lo incluiremos en la ruta trimestral.' }),
  P('Quiet zone near hospitals in Fuencarral', 'Lower speed limits and noise control near La Paz hospital.', 'Ambulances get stuck and patients suffer constant traffic noise. A 30 km/h zone and better signage would help.', 'movilidad', '08', 'published'),
  P('Rocódromo en el polideportivo de San Blas', 'Un muro de escalada en el polideportivo municipal.', 'La escalada es cada vez más popular y no hay ningún rocódromo público en el este de Madrid.', 'deportes', '20', 'published'),
  P('Punto de reparación de bicicletas en Ciudad Lineal', 'Una estación pública con herramientas y bomba de aire.', 'Hay muchas bicis en el barrio y ningún taller cerca. Una estación con herramientas atadas, como en otras ciudades, sería muy útil.', 'movilidad', '15', 'completed', { answer: 'Gracias por tu propuesta. El servicio de Movilidad y Tráfico la acepta: instalaremos tres estaciones de reparación en el eje de Arturo Soria.' }),
  P('Conciertos en los quioscos de música de El Retiro', 'Recuperar los conciertos de bandas en los quioscos los fines de semana.', 'Los quioscos del parque están sin uso. Programar bandas municipales y escuelas de música daría vida al parque.', 'cultura', '03', 'published'),
  P('Accesibilidad en la estación de Cercanías de Villaverde', 'Ascensores y rampas en la estación.', 'Las personas en silla de ruedas o con carritos no pueden usar la estación. Es urgente hacerla accesible.', 'urbanismo', '17', 'under_evaluation'),
  P('Comedores escolares abiertos en verano', 'Abrir los comedores de colegios públicos en julio para menores vulnerables.', 'Para muchas familias el comedor es la comida principal del día. En verano esa ayuda desaparece.', 'servicios-sociales', null, 'partially_accepted', { point: false, answer: 'Gracias por tu propuesta. El Ayuntamiento acepta una parte: abriremos seis comedores en julio. El resto no es viable porque el personal de cocina está de vacaciones en agosto.' }),
  P('Bancos en la avenida de Moratalaz', 'Bancos cada 100 metros en la avenida principal.', 'Las personas mayores no pueden recorrer la avenida sin descansar. Faltan bancos en todo el trayecto.', 'urbanismo', '14', 'published'),
];

/** Deterministic pseudo-random numbers, so the demo city is the same on every start. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const GENERATED_USERS = 40;

/**
 * Proposals with supports, timelines, official answers and comments. Needs the reference data and
 * the demo accounts; does nothing if proposals exist. Returns how many proposals it created.
 */
export async function seedDemoProposals(manager: EntityManager): Promise<number> {
  const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM proposals`);
  if (count > 0) return 0;
  const staffRows: { email: string; id: string }[] = await manager.query<{ email: string; id: string }[]>(
    `SELECT email, id FROM users WHERE email IN ('gestora@demo.plaza.test', 'limpieza@demo.plaza.test', 'vecina@demo.plaza.test', 'vecino@demo.plaza.test')`,
  );
  const byEmail = new Map(staffRows.map((r) => [r.email, r.id]));
  const managerId = byEmail.get('gestora@demo.plaza.test');
  const cleaningId = byEmail.get('limpieza@demo.plaza.test');
  const rosa = byEmail.get('vecina@demo.plaza.test');
  const andres = byEmail.get('vecino@demo.plaza.test');
  if (!managerId || !cleaningId || !rosa || !andres) throw new Error('Demo proposals need the demo accounts');

  for (const [theme, department] of Object.entries(THEME_DEPARTMENTS)) {
    await manager.query<unknown[]>(
      `UPDATE proposal_themes SET department_id = (SELECT id FROM departments WHERE code = $2) WHERE code = $1 AND department_id IS NULL`,
      [theme, department],
    );
  }

  // Generated neighbours: they support and comment; without a password nobody can sign in as them.
  const neighbours: string[] = [];
  for (let i = 1; i <= GENERATED_USERS; i++) {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO users (email, name, locale, consent_at) VALUES ($1, $2, $3, now())
       ON CONFLICT ((lower(email))) DO UPDATE SET updated_at = now() RETURNING id`,
      [`vecino-${String(i).padStart(2, '0')}@demo.plaza.test`, `Vecino demo ${i}`, i % 5 === 0 ? 'en' : 'es'],
    );
    await manager.query<unknown[]>(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'citizen') ON CONFLICT DO NOTHING`, [id]);
    neighbours.push(id);
  }
  const authors = [rosa, andres, ...neighbours.slice(0, 10)];
  const supporters = [rosa, andres, ...neighbours];
  const [template] = await manager.query<{ id: string }[]>(`SELECT id FROM proposal_answer_templates ORDER BY created_at LIMIT 1`);
  const next = random(20_261_123);

  for (const [index, p] of DEMO_PROPOSALS.entries()) {
    const authorId = authors[index % authors.length] as string;
    const createdDaysAgo = 5 + Math.floor(next() * 170);
    const [{ id, departmentId }] = await manager.query<{ id: string; departmentId: string | null }[]>(
      `INSERT INTO proposals (title, summary, description, theme_id, location, area_id, department_id, author_id, show_name, status, created_at, updated_at)
       SELECT $1, $2, $3, t.id,
              CASE WHEN $6 AND a.id IS NOT NULL THEN ST_ClosestPoint(a.geom, ST_Translate(ST_PointOnSurface(a.geom), $7, $8)) END,
              a.id, t.department_id, $5, $9, 'published', now() - make_interval(days => $10), now() - make_interval(days => $10)
         FROM proposal_themes t LEFT JOIN areas a ON a.code = $4
        WHERE t.code = $11
       RETURNING id::text AS id, department_id AS "departmentId"`,
      [p.title, p.summary, p.description, p.district, authorId, p.point, (next() - 0.5) * 0.01, (next() - 0.5) * 0.01, index % 3 === 0, createdDaysAgo, p.theme],
    );
    let at = createdDaysAgo;
    const event = async (from: Status | null, to: Status, kind: string, actor: string | null, message: string | null): Promise<void> => {
      await manager.query<unknown[]>(
        `INSERT INTO proposal_events (proposal_id, at, actor_kind, actor_id, from_status, to_status, message)
         VALUES ($1, now() - make_interval(days => $2), $3, $4, $5, $6, $7)`,
        [id, at, kind, actor, from, to, message],
      );
    };
    await event(null, 'published', 'author', authorId, null);

    // Supports: decided proposals gathered more of them.
    const share = p.status === 'published' ? 0.1 + next() * 0.4 : 0.4 + next() * 0.5;
    const chosen = supporters.filter((user) => user !== authorId && next() < share);
    for (const user of chosen) {
      await manager.query<unknown[]>(`INSERT INTO proposal_supports (proposal_id, user_id) VALUES ($1, $2)`, [id, user]);
    }
    await manager.query<unknown[]>(`UPDATE proposals SET support_count = $2 WHERE id = $1`, [id, chosen.length]);

    const path: Status[] =
      p.status === 'published'
        ? []
        : p.status === 'under_evaluation'
          ? ['under_evaluation']
          : p.status === 'in_execution'
            ? ['under_evaluation', 'accepted', 'in_execution']
            : p.status === 'completed'
              ? ['under_evaluation', 'accepted', 'in_execution', 'completed']
              : ['under_evaluation', p.status];
    let from: Status = 'published';
    for (const to of path) {
      at = Math.max(1, at - 1 - Math.floor(next() * 20));
      const decided = to === 'accepted' || to === 'rejected' || to === 'partially_accepted';
      if (decided && p.answer) {
        const [{ id: templateId }] = await manager.query<{ id: string }[]>(
          `SELECT coalesce((SELECT id FROM proposal_answer_templates WHERE outcome = $1 AND locale = 'es' LIMIT 1), $2) AS id`,
          [to, template.id],
        );
        await manager.query<unknown[]>(
          `INSERT INTO proposal_answers (proposal_id, outcome, template_id, body, department_id, author_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(days => $7))`,
          [id, to, templateId, p.answer, departmentId, cleaningId, at],
        );
      }
      const message = to === 'under_evaluation' ? 'La gestora de participación la pasa a estudio.' : to === 'in_execution' ? 'Obras adjudicadas.' : null;
      await event(from, to, 'staff', to === 'under_evaluation' ? managerId : cleaningId, message);
      from = to;
    }
    await manager.query<unknown[]>(`UPDATE proposals SET status = $2, updated_at = now() - make_interval(days => $3) WHERE id = $1`, [id, p.status, at]);

    let comments = 0;
    for (const [ci, [body, reply]] of (p.comments ?? []).entries()) {
      const commenter = supporters[(index + ci * 7) % supporters.length] as string;
      const [{ id: commentId }] = await manager.query<{ id: string }[]>(
        `INSERT INTO comments (target_type, target_id, author_id, body, created_at) VALUES ('proposal', $1, $2, $3, now() - make_interval(days => $4))
         RETURNING id`,
        [id, commenter, body, Math.max(1, at - 1)],
      );
      comments += 1;
      if (reply) {
        await manager.query<unknown[]>(
          `INSERT INTO comments (target_type, target_id, parent_id, author_id, body, created_at) VALUES ('proposal', $1, $2, $3, $4, now() - make_interval(days => $5))`,
          [id, commentId, authorId, reply, Math.max(0, at - 2)],
        );
        comments += 1;
      }
    }
    if (p.status !== 'published') {
      // The city joins the conversation, as the community manager.
      await manager.query<unknown[]>(
        `INSERT INTO comments (target_type, target_id, author_id, body, staff_role) VALUES ('proposal', $1, $2, $3, 'community_manager')`,
        [id, managerId, 'Gracias a todas las personas que habéis participado. Seguiremos informando aquí.'],
      );
      comments += 1;
    }
    await manager.query<unknown[]>(`UPDATE proposals SET comment_count = $2 WHERE id = $1`, [id, comments]);
  }
  return DEMO_PROPOSALS.length;
}
