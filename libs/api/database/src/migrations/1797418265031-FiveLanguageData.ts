import type { MigrationInterface, QueryRunner } from 'typeorm';

type Added = { ca: string; eu: string; gl: string };
/** [code, the built-in Spanish text, what this migration adds]. */
type Row = [string, string, Added];

// A frozen copy of the built-in texts as of issue 18 (the seed's reference-data.ts carries the same
// words for new databases). A row is recognised by its code AND its Spanish text still being the
// built-in one: a row the city renamed keeps only its own words instead of a translation of a name
// it no longer has. Languages a row already has are never overwritten.

const DEPARTMENTS: Row[] = [
  ['limpieza', 'Limpieza Viaria', { ca: 'Neteja Viària', eu: 'Kale Garbiketa', gl: 'Limpeza Viaria' }],
  ['alumbrado', 'Alumbrado Público', { ca: 'Enllumenat Públic', eu: 'Herri Argiteria', gl: 'Iluminación Pública' }],
  ['vias-publicas', 'Vías Públicas', { ca: 'Vies Públiques', eu: 'Bide Publikoak', gl: 'Vías Públicas' }],
  ['parques', 'Parques y Jardines', { ca: 'Parcs i Jardins', eu: 'Parkeak eta Lorategiak', gl: 'Parques e Xardíns' }],
  ['movilidad', 'Movilidad y Tráfico', { ca: 'Mobilitat i Trànsit', eu: 'Mugikortasuna eta Trafikoa', gl: 'Mobilidade e Tráfico' }],
  ['agua', 'Agua y Saneamiento', { ca: 'Aigua i Sanejament', eu: 'Ura eta Saneamendua', gl: 'Auga e Saneamento' }],
  ['residuos', 'Recogida de Residuos', { ca: 'Recollida de Residus', eu: 'Hondakinen Bilketa', gl: 'Recollida de Residuos' }],
  ['mobiliario', 'Mobiliario Urbano', { ca: 'Mobiliari Urbà', eu: 'Hiri Altzariak', gl: 'Mobiliario Urbano' }],
];

const CATEGORY_NAMES: Row[] = [
  ['bache', 'Bache o socavón', { ca: 'Sot o esvoranc', eu: 'Zuloa edo hondoratzea', gl: 'Fochanca ou afundimento' }],
  ['acera', 'Acera dañada', { ca: 'Vorera malmesa', eu: 'Espaloi hondatua', gl: 'Beirarrúa danada' }],
  ['farola', 'Farola apagada', { ca: 'Fanal apagat', eu: 'Farola itzalita', gl: 'Farola apagada' }],
  ['pintada', 'Pintadas y grafitis', { ca: 'Pintades i grafits', eu: 'Pintadak eta grafitiak', gl: 'Pintadas e grafitis' }],
  ['limpieza', 'Suciedad en la vía pública', { ca: 'Brutícia a la via pública', eu: 'Zikinkeria bide publikoan', gl: 'Sucidade na vía pública' }],
  ['contenedor', 'Contenedor lleno o dañado', { ca: 'Contenidor ple o malmès', eu: 'Edukiontzi betea edo hondatua', gl: 'Contedor cheo ou danado' }],
  ['enseres', 'Muebles y enseres abandonados', { ca: 'Mobles i estris abandonats', eu: 'Utzitako altzariak eta tresnak', gl: 'Mobles e trastes abandonados' }],
  ['arbol', 'Árbol o zona verde', { ca: 'Arbre o zona verda', eu: 'Zuhaitza edo berdegunea', gl: 'Árbore ou zona verde' }],
  ['juegos', 'Área infantil dañada', { ca: 'Àrea de jocs infantils malmesa', eu: 'Haur-jolasleku hondatua', gl: 'Área infantil danada' }],
  ['semaforo', 'Semáforo averiado', { ca: 'Semàfor avariat', eu: 'Semaforo matxuratua', gl: 'Semáforo avariado' }],
  ['senal', 'Señal de tráfico', { ca: 'Senyal de trànsit', eu: 'Trafiko-seinalea', gl: 'Sinal de tráfico' }],
  ['agua', 'Fuga de agua o alcantarilla', { ca: 'Fuita d’aigua o claveguera', eu: 'Ur-ihesa edo estolda', gl: 'Fuga de auga ou sumidoiro' }],
  ['mobiliario', 'Mobiliario urbano', { ca: 'Mobiliari urbà', eu: 'Hiri-altzariak', gl: 'Mobiliario urbano' }],
];

const CATEGORY_DESCRIPTIONS: Row[] = [
  ['bache', 'Agujeros y hundimientos en la calzada.', { ca: 'Forats i enfonsaments a la calçada.', eu: 'Galtzadako zuloak eta hondoratzeak.', gl: 'Buracos e afundimentos na calzada.' }],
  ['acera', 'Baldosas rotas o levantadas, bordillos dañados.', { ca: 'Rajoles trencades o aixecades, vorades malmeses.', eu: 'Lauza hautsiak edo altxatuak, espaloi-ertz hondatuak.', gl: 'Lousas rotas ou levantadas, bordos danados.' }],
  ['farola', 'Farolas apagadas, intermitentes o dañadas.', { ca: 'Fanals apagats, intermitents o malmesos.', eu: 'Farola itzaliak, keinuka dabiltzanak edo hondatuak.', gl: 'Farolas apagadas, intermitentes ou danadas.' }],
  ['pintada', 'Pintadas en fachadas, mobiliario o monumentos.', { ca: 'Pintades en façanes, mobiliari o monuments.', eu: 'Pintadak fatxadetan, hiri-altzarietan edo monumentuetan.', gl: 'Pintadas en fachadas, mobiliario ou monumentos.' }],
  ['limpieza', 'Basura, excrementos o restos en calles y plazas.', { ca: 'Escombraries, excrements o restes en carrers i places.', eu: 'Zaborra, gorotzak edo hondakinak kale eta plazetan.', gl: 'Lixo, excrementos ou restos en rúas e prazas.' }],
  ['contenedor', 'Contenedores desbordados, rotos o quemados.', { ca: 'Contenidors desbordats, trencats o cremats.', eu: 'Gainezka, hautsita edo erreta dauden edukiontziak.', gl: 'Contedores desbordados, rotos ou queimados.' }],
  ['enseres', 'Colchones, muebles o electrodomésticos en la calle.', { ca: 'Matalassos, mobles o electrodomèstics al carrer.', eu: 'Koltxoiak, altzariak edo etxetresna elektrikoak kalean.', gl: 'Colchóns, mobles ou electrodomésticos na rúa.' }],
  ['arbol', 'Ramas caídas, árboles peligrosos, césped sin cuidar.', { ca: 'Branques caigudes, arbres perillosos, gespa descuidada.', eu: 'Adar eroriak, zuhaitz arriskutsuak, zaindu gabeko belarra.', gl: 'Pólas caídas, árbores perigosas, céspede descoidado.' }],
  ['juegos', 'Columpios rotos, suelo de caucho levantado.', { ca: 'Gronxadors trencats, paviment de cautxú aixecat.', eu: 'Kulunka hautsiak, kautxuzko zoru altxatua.', gl: 'Randeeiras rotas, chan de caucho levantado.' }],
  ['semaforo', 'Semáforos apagados, en ámbar fijo o desincronizados.', { ca: 'Semàfors apagats, en ambre fix o desincronitzats.', eu: 'Semaforo itzaliak, anbarrean finko daudenak edo desinkronizatuak.', gl: 'Semáforos apagados, en ámbar fixo ou desincronizados.' }],
  ['senal', 'Señales caídas, giradas o ilegibles.', { ca: 'Senyals caiguts, girats o il·legibles.', eu: 'Seinale eroriak, biratuak edo irakurtezinak.', gl: 'Sinais caídos, xirados ou ilexibles.' }],
  ['agua', 'Fugas, alcantarillas atascadas, tapas rotas.', { ca: 'Fuites, embornals embussats, tapes trencades.', eu: 'Ihesak, estolda buxatuak, tapa hautsiak.', gl: 'Fugas, sumidoiros atascados, tapas rotas.' }],
  ['mobiliario', 'Bancos, papeleras, bolardos o fuentes dañados.', { ca: 'Bancs, papereres, pilones o fonts malmesos.', eu: 'Banku, paperontzi, bolardo edo iturri hondatuak.', gl: 'Bancos, papeleiras, bolardos ou fontes danados.' }],
];

/** Groups are matched by their Spanish text alone: several categories share one. */
const GROUPS: [string, Added][] = [
  ['Vía pública', { ca: 'Via pública', eu: 'Bide publikoa', gl: 'Vía pública' }],
  ['Medio ambiente', { ca: 'Medi ambient', eu: 'Ingurumena', gl: 'Medio ambiente' }],
  ['Servicios', { ca: 'Serveis', eu: 'Zerbitzuak', gl: 'Servizos' }],
];

const THEMES: Row[] = [
  ['movilidad', 'Movilidad', { ca: 'Mobilitat', eu: 'Mugikortasuna', gl: 'Mobilidade' }],
  ['medio-ambiente', 'Medio ambiente', { ca: 'Medi ambient', eu: 'Ingurumena', gl: 'Medio ambiente' }],
  ['urbanismo', 'Urbanismo y espacio público', { ca: 'Urbanisme i espai públic', eu: 'Hirigintza eta espazio publikoa', gl: 'Urbanismo e espazo público' }],
  ['cultura', 'Cultura', { ca: 'Cultura', eu: 'Kultura', gl: 'Cultura' }],
  ['deportes', 'Deportes', { ca: 'Esports', eu: 'Kirolak', gl: 'Deportes' }],
  ['servicios-sociales', 'Servicios sociales', { ca: 'Serveis socials', eu: 'Gizarte-zerbitzuak', gl: 'Servizos sociais' }],
  ['educacion', 'Educación', { ca: 'Educació', eu: 'Hezkuntza', gl: 'Educación' }],
  ['limpieza', 'Limpieza y residuos', { ca: 'Neteja i residus', eu: 'Garbiketa eta hondakinak', gl: 'Limpeza e residuos' }],
  ['participacion', 'Participación y transparencia', { ca: 'Participació i transparència', eu: 'Partaidetza eta gardentasuna', gl: 'Participación e transparencia' }],
];

/** The built-in official answers to proposals, by outcome, in the three languages they lacked. */
const ANSWERS: [string, Record<'ca' | 'eu' | 'gl', [string, string]>][] = [
  ['accepted', {
    ca: ['Proposta acceptada', 'Gràcies per la teva proposta. El servei de {department} l’ha estudiada i l’accepta: {details}. Publicarem aquí cada pas de la seva execució.'],
    eu: ['Proposamena onartuta', 'Eskerrik asko zure proposamenagatik. {department} zerbitzuak aztertu du eta onartu egin du: {details}. Hemen argitaratuko dugu gauzatzearen urrats bakoitza.'],
    gl: ['Proposta aceptada', 'Grazas pola túa proposta. O servizo de {department} estudouna e acéptaa: {details}. Publicaremos aquí cada paso da súa execución.'],
  }],
  ['partially_accepted', {
    ca: ['Proposta acceptada en part', 'Gràcies per la teva proposta. El servei de {department} n’accepta una part: {details}. La resta no és viable perquè {reason}.'],
    eu: ['Proposamena zati batean onartuta', 'Eskerrik asko zure proposamenagatik. {department} zerbitzuak zati bat onartzen du: {details}. Gainerakoa ez da bideragarria. Arrazoia: {reason}.'],
    gl: ['Proposta aceptada en parte', 'Grazas pola túa proposta. O servizo de {department} acepta unha parte: {details}. O resto non é viable porque {reason}.'],
  }],
  ['rejected', {
    ca: ['Proposta no viable', 'Gràcies per la teva proposta i pels suports rebuts. El servei de {department} l’ha estudiada i no és viable perquè {reason}.'],
    eu: ['Proposamena ez da bideragarria', 'Eskerrik asko zure proposamenagatik eta jasotako babesengatik. {department} zerbitzuak aztertu du, eta ez da bideragarria. Arrazoia: {reason}.'],
    gl: ['Proposta non viable', 'Grazas pola túa proposta e polos apoios recibidos. O servizo de {department} estudouna e non é viable porque {reason}.'],
  }],
];

/** The Spanish titles of the built-in answer templates (migration 1795500000000), to find their group. */
const BUILT_IN_ANSWER_TITLES: Record<string, string> = {
  accepted: 'Propuesta aceptada',
  partially_accepted: 'Propuesta aceptada en parte',
  rejected: 'Propuesta no viable',
};

const LOCALES = ['es', 'en', 'ca', 'eu', 'gl'];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Issue 18, five languages for the city's own data:
 * - the built-in departments, categories (name, description, group) and proposal themes get their
 *   Catalan, Basque and Galician texts; rows the city added keep what they have (pickText falls
 *   back to Spanish for a missing language);
 * - departments.locale: the language the department's mails are written in (default Spanish);
 * - response and proposal-answer templates get a group_id: the rows of one template in its
 *   languages share it (docs/decisions/0014-template-languages.md). Existing rows are grouped when
 *   the grouping is unambiguous (one row per language for a category and status, or an outcome);
 *   the built-in proposal answers get their Catalan, Basque and Galician rows.
 */
export class FiveLanguageData1797418265031 implements MigrationInterface {
  name = 'FiveLanguageData1797418265031';

  async up(q: QueryRunner): Promise<void> {
    // `added || column`: on a key both have, the right-hand (the row's own) text wins.
    for (const [code, es, added] of DEPARTMENTS) {
      await q.query(`UPDATE departments SET name = $3::jsonb || name WHERE code = $1 AND name->>'es' = $2`, [code, es, JSON.stringify(added)]);
    }
    for (const [code, es, added] of CATEGORY_NAMES) {
      await q.query(`UPDATE categories SET name = $3::jsonb || name WHERE code = $1 AND name->>'es' = $2`, [code, es, JSON.stringify(added)]);
    }
    for (const [code, es, added] of CATEGORY_DESCRIPTIONS) {
      await q.query(`UPDATE categories SET description = $3::jsonb || description WHERE code = $1 AND description->>'es' = $2`, [
        code,
        es,
        JSON.stringify(added),
      ]);
    }
    for (const [es, added] of GROUPS) {
      await q.query(`UPDATE categories SET group_name = $2::jsonb || group_name WHERE group_name->>'es' = $1`, [es, JSON.stringify(added)]);
    }
    for (const [code, es, added] of THEMES) {
      await q.query(`UPDATE proposal_themes SET name = $3::jsonb || name WHERE code = $1 AND name->>'es' = $2`, [code, es, JSON.stringify(added)]);
    }

    await q.query(`ALTER TABLE departments ADD COLUMN locale text NOT NULL DEFAULT 'es' CHECK (locale IN (${list(LOCALES)}))`);

    for (const table of ['response_templates', 'proposal_answer_templates']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN group_id uuid NOT NULL DEFAULT gen_random_uuid()`);
    }
    // One group per category and status whose rows are each in a different language.
    await q.query(`
      UPDATE response_templates t SET group_id = g.group_id
        FROM (SELECT category_id, status, gen_random_uuid() AS group_id FROM response_templates
               GROUP BY category_id, status HAVING count(*) > 1 AND count(*) = count(DISTINCT locale)) g
       WHERE t.category_id IS NOT DISTINCT FROM g.category_id AND t.status IS NOT DISTINCT FROM g.status`);
    await q.query(`
      UPDATE proposal_answer_templates t SET group_id = g.group_id
        FROM (SELECT outcome, gen_random_uuid() AS group_id FROM proposal_answer_templates
               GROUP BY outcome HAVING count(*) > 1 AND count(*) = count(DISTINCT locale)) g
       WHERE t.outcome = g.outcome`);
    for (const table of ['response_templates', 'proposal_answer_templates']) {
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_group_locale_key UNIQUE (group_id, locale)`);
    }
    await q.query(`ALTER TABLE proposal_answer_templates ADD CONSTRAINT proposal_answer_templates_locale_check CHECK (locale IN (${list(LOCALES)}))`);

    for (const [outcome, texts] of ANSWERS) {
      for (const [locale, [title, body]] of Object.entries(texts)) {
        await q.query(
          `INSERT INTO proposal_answer_templates (group_id, locale, outcome, title, body)
           SELECT group_id, $2, $1, $4, $5 FROM proposal_answer_templates
            WHERE outcome = $1 AND locale = 'es' AND title = $3
           ON CONFLICT (group_id, locale) DO NOTHING`,
          [outcome, locale, BUILT_IN_ANSWER_TITLES[outcome], title, body],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [outcome, texts] of ANSWERS) {
      for (const [locale, [title]] of Object.entries(texts)) {
        await q.query(
          `DELETE FROM proposal_answer_templates t WHERE outcome = $1 AND locale = $2 AND title = $3
             AND NOT EXISTS (SELECT 1 FROM proposal_answers a WHERE a.template_id = t.id)`,
          [outcome, locale, title],
        );
      }
    }
    await q.query(`ALTER TABLE proposal_answer_templates DROP CONSTRAINT proposal_answer_templates_locale_check`);
    for (const table of ['response_templates', 'proposal_answer_templates']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN group_id`);
    }
    await q.query(`ALTER TABLE departments DROP COLUMN locale`);
    // The added languages stay on the rows: they do no harm to the older code, which reads es/en.
  }
}
