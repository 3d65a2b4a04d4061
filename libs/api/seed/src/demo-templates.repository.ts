import { randomUUID } from 'node:crypto';
import type { Locale } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';

interface TemplateSeed {
  title: string;
  locale: Locale;
  category: string | null;
  status: string | null;
  body: string;
  styleNotes: string;
}

const ES_NOTES = 'Trata de tú, agradece el aviso y no prometas fechas que no dependan de nosotros.';
const EN_NOTES = 'Be warm and direct, thank the resident, and never promise a date we do not control.';
const CA_NOTES = 'Tracta de tu, agraeix l’avís i no prometis dates que no depenguin de nosaltres.';
const EU_NOTES = 'Hitz egin hurbiletik, eskertu abisua eta ez hitzeman gure esku ez dauden datarik.';
const GL_NOTES = 'Trata de ti, agradece o aviso e non prometas datas que non dependan de nós.';

/** Replies in the city's voice, each in the five languages, with their placeholders. */
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
  },  {
    title: 'Avís rebut',
    locale: 'ca',
    category: null,
    status: 'confirmed',
    styleNotes: CA_NOTES,
    body: 'Hola:\n\nGràcies pel teu avís {ref}. Ja el té el servei de {department}, que el revisarà. T’explicarem aquí cada avenç.\n\nUna salutació.',
  },
  {
    title: 'Abisua jasota',
    locale: 'eu',
    category: null,
    status: 'confirmed',
    styleNotes: EU_NOTES,
    body: 'Kaixo:\n\nEskerrik asko {ref} abisuagatik. {department} zerbitzuak jaso du, eta aztertu egingo du. Hemen kontatuko dizugu aurrerapen bakoitza.\n\nAgur.',
  },
  {
    title: 'Aviso recibido',
    locale: 'gl',
    category: null,
    status: 'confirmed',
    styleNotes: GL_NOTES,
    body: 'Ola:\n\nGrazas polo teu aviso {ref}. Xa o ten o servizo de {department}, que o revisará. Contarémosche aquí cada avance.\n\nUn saúdo.',
  },
  {
    title: 'Actuació programada',
    locale: 'ca',
    category: null,
    status: 'action_scheduled',
    styleNotes: CA_NOTES,
    body: 'Hola:\n\nHem programat l’actuació sobre el teu avís {ref} ({category}) per al {date}. Si canvia la data, t’ho direm.\n\nUna salutació.',
  },
  {
    title: 'Lana programatuta',
    locale: 'eu',
    category: null,
    status: 'action_scheduled',
    styleNotes: EU_NOTES,
    body: 'Kaixo:\n\n{ref} abisuko lana ({category}) {date} egunerako programatu dugu. Data aldatzen bada, jakinaraziko dizugu.\n\nAgur.',
  },
  {
    title: 'Actuación programada',
    locale: 'gl',
    category: null,
    status: 'action_scheduled',
    styleNotes: GL_NOTES,
    body: 'Ola:\n\nProgramamos a actuación sobre o teu aviso {ref} ({category}) para o {date}. Se cambia a data, dirémoscho.\n\nUn saúdo.',
  },
  {
    title: 'Resolt',
    locale: 'ca',
    category: null,
    status: 'fixed',
    styleNotes: CA_NOTES,
    body: 'Hola:\n\nEl servei de {department} ha resolt el teu avís {ref} el {date}. Gràcies per ajudar-nos a cuidar el barri.\n\nUna salutació.',
  },
  {
    title: 'Konponduta',
    locale: 'eu',
    category: null,
    status: 'fixed',
    styleNotes: EU_NOTES,
    body: 'Kaixo:\n\n{department} zerbitzuak {ref} abisua konpondu du {date} egunean. Eskerrik asko auzoa zaintzen laguntzeagatik.\n\nAgur.',
  },
  {
    title: 'Resolto',
    locale: 'gl',
    category: null,
    status: 'fixed',
    styleNotes: GL_NOTES,
    body: 'Ola:\n\nO servizo de {department} resolveu o teu aviso {ref} o {date}. Grazas por axudarnos a coidar o barrio.\n\nUn saúdo.',
  },
  {
    title: 'Fanal reparat',
    locale: 'ca',
    category: 'farola',
    status: 'fixed',
    styleNotes: CA_NOTES,
    body: 'Hola:\n\nEl fanal del teu avís {ref} torna a funcionar des del {date}. Si veus que s’apaga una altra vegada, avisa’ns en el mateix avís.\n\nUna salutació.',
  },
  {
    title: 'Farola konponduta',
    locale: 'eu',
    category: 'farola',
    status: 'fixed',
    styleNotes: EU_NOTES,
    body: 'Kaixo:\n\n{ref} abisuko farolak berriro funtzionatzen du {date} egunetik. Berriro itzaltzen bada, esan iezaguzu abisu berean.\n\nAgur.',
  },
  {
    title: 'Farola reparada',
    locale: 'gl',
    category: 'farola',
    status: 'fixed',
    styleNotes: GL_NOTES,
    body: 'Ola:\n\nA farola do teu aviso {ref} volve funcionar desde o {date}. Se ves que se apaga outra vez, avísanos no mesmo aviso.\n\nUn saúdo.',
  },
  {
    title: 'No és competència municipal',
    locale: 'ca',
    category: null,
    status: 'not_responsible',
    styleNotes: CA_NOTES,
    body: 'Hola:\n\nEl que expliques a l’avís {ref} no depèn de l’Ajuntament. L’hem traslladat a l’organisme responsable i et deixarem aquí la seva resposta quan arribi.\n\nUna salutació.',
  },
  {
    title: 'Ez da Udalaren eskumena',
    locale: 'eu',
    category: null,
    status: 'not_responsible',
    styleNotes: EU_NOTES,
    body: 'Kaixo:\n\n{ref} abisuan kontatzen duzuna ez dago Udalaren esku. Erakunde arduradunari bidali diogu, eta haren erantzuna hemen utziko dizugu iristen denean.\n\nAgur.',
  },
  {
    title: 'Non é competencia municipal',
    locale: 'gl',
    category: null,
    status: 'not_responsible',
    styleNotes: GL_NOTES,
    body: 'Ola:\n\nO que contas no aviso {ref} non depende do Concello. Trasladámolo ao organismo responsable e deixarémosche aquí a súa resposta cando chegue.\n\nUn saúdo.',
  },
  {
    title: 'Avís duplicat',
    locale: 'ca',
    category: null,
    status: 'duplicate',
    styleNotes: CA_NOTES,
    body: 'Hola:\n\nGràcies per l’avís {ref}. Ja en teníem un altre d’igual i el seguim allà; pots donar-hi suport per estar-ne al corrent.\n\nUna salutació.',
  },
  {
    title: 'Abisu bikoiztua',
    locale: 'eu',
    category: null,
    status: 'duplicate',
    styleNotes: EU_NOTES,
    body: 'Kaixo:\n\nEskerrik asko {ref} abisuagatik. Beste abisu berdin bat genuen jada, eta han ari gara jarraitzen; babestu dezakezu, berri izateko.\n\nAgur.',
  },
  {
    title: 'Aviso duplicado',
    locale: 'gl',
    category: null,
    status: 'duplicate',
    styleNotes: GL_NOTES,
    body: 'Ola:\n\nGrazas polo aviso {ref}. Xa tiñamos outro igual e seguímolo alí; podes apoialo para estar ao tanto.\n\nUn saúdo.',
  },
];

/** Seeds the templates if there are none yet. Returns how many were created. */
export async function seedDemoTemplates(manager: EntityManager): Promise<number> {
  const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM response_templates`);
  if (count > 0) return 0;
  // One template per category and status, in each of its languages (rows sharing a group id).
  const groups = new Map<string, string>();
  for (const t of DEMO_TEMPLATES) {
    const key = `${t.category ?? '*'}:${t.status ?? '*'}`;
    if (!groups.has(key)) groups.set(key, randomUUID());
    await manager.query<unknown[]>(
      `INSERT INTO response_templates (group_id, title, locale, category_id, status, body, style_notes)
       VALUES ($1, $2, $3, (SELECT id FROM categories WHERE code = $4), $5, $6, $7)`,
      [groups.get(key), t.title, t.locale, t.category, t.status, t.body, t.styleNotes],
    );
  }
  return DEMO_TEMPLATES.length;
}
