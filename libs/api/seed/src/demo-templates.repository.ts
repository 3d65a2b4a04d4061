import type { EntityManager } from 'typeorm';

interface TemplateSeed {
  title: string;
  locale: 'es' | 'en';
  category: string | null;
  status: string | null;
  body: string;
  styleNotes: string;
}

const ES_NOTES = 'Trata de tú, agradece el aviso y no prometas fechas que no dependan de nosotros.';
const EN_NOTES = 'Be warm and direct, thank the resident, and never promise a date we do not control.';

/** Replies in the city's voice, in Spanish and English, with their placeholders. */
export const DEMO_TEMPLATES: readonly TemplateSeed[] = [
  {
    title: 'Aviso recibido',
    locale: 'es',
    category: null,
    status: 'confirmed',
    styleNotes: ES_NOTES,
    body: 'Hola:\n\nGracias por tu aviso {ref}. Ya lo tiene el servicio de {department}, que lo revisará. Te contaremos aquí cada avance.\n\nUn saludo.',
  },
  {
    title: 'Report received',
    locale: 'en',
    category: null,
    status: 'confirmed',
    styleNotes: EN_NOTES,
    body: 'Hello,\n\nThank you for report {ref}. The {department} team now has it and will look into it. We will post every update here.\n\nKind regards.',
  },
  {
    title: 'Actuación programada',
    locale: 'es',
    category: null,
    status: 'action_scheduled',
    styleNotes: ES_NOTES,
    body: 'Hola:\n\nHemos programado la actuación sobre tu aviso {ref} ({category}) para el {date}. Si cambia la fecha, te lo diremos.\n\nUn saludo.',
  },
  {
    title: 'Work scheduled',
    locale: 'en',
    category: null,
    status: 'action_scheduled',
    styleNotes: EN_NOTES,
    body: 'Hello,\n\nWork on report {ref} ({category}) is scheduled for {date}. If the date changes, we will let you know.\n\nKind regards.',
  },
  {
    title: 'Resuelto',
    locale: 'es',
    category: null,
    status: 'fixed',
    styleNotes: ES_NOTES,
    body: 'Hola:\n\nEl servicio de {department} ha resuelto tu aviso {ref} el {date}. Gracias por ayudarnos a cuidar el barrio.\n\nUn saludo.',
  },
  {
    title: 'Fixed',
    locale: 'en',
    category: null,
    status: 'fixed',
    styleNotes: EN_NOTES,
    body: 'Hello,\n\nThe {department} team fixed report {ref} on {date}. Thank you for helping us look after the neighbourhood.\n\nKind regards.',
  },
  {
    title: 'Farola reparada',
    locale: 'es',
    category: 'farola',
    status: 'fixed',
    styleNotes: `${ES_NOTES} Si la avería era de la compañía eléctrica, dilo sin culpar a nadie.`,
    body: 'Hola:\n\nLa farola de tu aviso {ref} vuelve a funcionar desde el {date}. Si ves que se apaga otra vez, avísanos en el mismo aviso.\n\nUn saludo.',
  },
  {
    title: 'Street light repaired',
    locale: 'en',
    category: 'farola',
    status: 'fixed',
    styleNotes: EN_NOTES,
    body: 'Hello,\n\nThe street light in report {ref} has been working again since {date}. If it goes out again, tell us on the same report.\n\nKind regards.',
  },
  {
    title: 'No es competencia municipal',
    locale: 'es',
    category: null,
    status: 'not_responsible',
    styleNotes: ES_NOTES,
    body: 'Hola:\n\nLo que cuentas en el aviso {ref} no depende del Ayuntamiento. Lo hemos trasladado al organismo responsable y te dejamos aquí su respuesta cuando llegue.\n\nUn saludo.',
  },
  {
    title: 'Not the city\u2019s responsibility',
    locale: 'en',
    category: null,
    status: 'not_responsible',
    styleNotes: EN_NOTES,
    body: 'Hello,\n\nWhat report {ref} describes is not the city hall\u2019s responsibility. We have passed it on to the body in charge and will post their answer here.\n\nKind regards.',
  },
  {
    title: 'Aviso duplicado',
    locale: 'es',
    category: null,
    status: 'duplicate',
    styleNotes: ES_NOTES,
    body: 'Hola:\n\nGracias por el aviso {ref}. Ya teníamos otro igual y lo seguimos allí; puedes apoyarlo para estar al tanto.\n\nUn saludo.',
  },
  {
    title: 'Duplicate report',
    locale: 'en',
    category: null,
    status: 'duplicate',
    styleNotes: EN_NOTES,
    body: 'Hello,\n\nThank you for report {ref}. We already had the same one and are following it there; support it to stay informed.\n\nKind regards.',
  },
];

/** Seeds the templates if there are none yet. Returns how many were created. */
export async function seedDemoTemplates(manager: EntityManager): Promise<number> {
  const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM response_templates`);
  if (count > 0) return 0;
  for (const t of DEMO_TEMPLATES) {
    await manager.query<unknown[]>(
      `INSERT INTO response_templates (title, locale, category_id, status, body, style_notes)
       VALUES ($1, $2, (SELECT id FROM categories WHERE code = $3), $4, $5, $6)`,
      [t.title, t.locale, t.category, t.status, t.body, t.styleNotes],
    );
  }
  return DEMO_TEMPLATES.length;
}
