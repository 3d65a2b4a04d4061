import type { Locale } from '@plaza/shared/contracts';

/**
 * Built-in names in the five languages Plaza speaks. Translations a native reviewer should check
 * are listed in REVIEW below. Migration 1797418265031 adds the same Catalan, Basque and Galician
 * texts to databases seeded before issue 18.
 */
export type FullText = Record<Locale, string>;

export interface DepartmentSeed {
  code: string;
  name: FullText;
  email: string;
}

export interface CategorySeed {
  code: string;
  name: FullText;
  description: FullText;
  group: FullText;
  icon: string;
  department: string;
  moderation: boolean;
  targetDays: number;
  /** Titles citizens typically write, used by the demo generator. */
  sampleTitles: string[];
}

const STREET: FullText = { es: 'Vía pública', en: 'Streets', ca: 'Via pública', eu: 'Bide publikoa', gl: 'Vía pública' };
const ENVIRONMENT: FullText = { es: 'Medio ambiente', en: 'Environment', ca: 'Medi ambient', eu: 'Ingurumena', gl: 'Medio ambiente' };
const SERVICES: FullText = { es: 'Servicios', en: 'Services', ca: 'Serveis', eu: 'Zerbitzuak', gl: 'Servizos' };

export const DEPARTMENTS: DepartmentSeed[] = [
  { code: 'limpieza', name: { es: 'Limpieza Viaria', en: 'Street Cleaning', ca: 'Neteja Viària', eu: 'Kale Garbiketa', gl: 'Limpeza Viaria' }, email: 'limpieza@ayto.example' },
  { code: 'alumbrado', name: { es: 'Alumbrado Público', en: 'Street Lighting', ca: 'Enllumenat Públic', eu: 'Herri Argiteria', gl: 'Iluminación Pública' }, email: 'alumbrado@ayto.example' },
  { code: 'vias-publicas', name: { es: 'Vías Públicas', en: 'Roads and Pavements', ca: 'Vies Públiques', eu: 'Bide Publikoak', gl: 'Vías Públicas' }, email: 'vias@ayto.example' },
  { code: 'parques', name: { es: 'Parques y Jardines', en: 'Parks and Gardens', ca: 'Parcs i Jardins', eu: 'Parkeak eta Lorategiak', gl: 'Parques e Xardíns' }, email: 'parques@ayto.example' },
  { code: 'movilidad', name: { es: 'Movilidad y Tráfico', en: 'Mobility and Traffic', ca: 'Mobilitat i Trànsit', eu: 'Mugikortasuna eta Trafikoa', gl: 'Mobilidade e Tráfico' }, email: 'movilidad@ayto.example' },
  { code: 'agua', name: { es: 'Agua y Saneamiento', en: 'Water and Sewerage', ca: 'Aigua i Sanejament', eu: 'Ura eta Saneamendua', gl: 'Auga e Saneamento' }, email: 'agua@ayto.example' },
  { code: 'residuos', name: { es: 'Recogida de Residuos', en: 'Waste Collection', ca: 'Recollida de Residus', eu: 'Hondakinen Bilketa', gl: 'Recollida de Residuos' }, email: 'residuos@ayto.example' },
  { code: 'mobiliario', name: { es: 'Mobiliario Urbano', en: 'Street Furniture', ca: 'Mobiliari Urbà', eu: 'Hiri Altzariak', gl: 'Mobiliario Urbano' }, email: 'mobiliario@ayto.example' },
];

export const CATEGORIES: CategorySeed[] = [
  {
    code: 'bache',
    name: { es: 'Bache o socavón', en: 'Pothole', ca: 'Sot o esvoranc', eu: 'Zuloa edo hondoratzea', gl: 'Fochanca ou afundimento' },
    description: { es: 'Agujeros y hundimientos en la calzada.', en: 'Holes and sinking in the road surface.', ca: 'Forats i enfonsaments a la calçada.', eu: 'Galtzadako zuloak eta hondoratzeak.', gl: 'Buracos e afundimentos na calzada.' },
    group: STREET, icon: 'pothole', department: 'vias-publicas', moderation: false, targetDays: 15,
    sampleTitles: ['Bache profundo en la calzada', 'Socavón junto al paso de peatones', 'Hundimiento del asfalto'],
  },
  {
    code: 'acera',
    name: { es: 'Acera dañada', en: 'Damaged pavement', ca: 'Vorera malmesa', eu: 'Espaloi hondatua', gl: 'Beirarrúa danada' },
    description: { es: 'Baldosas rotas o levantadas, bordillos dañados.', en: 'Broken or lifted tiles, damaged kerbs.', ca: 'Rajoles trencades o aixecades, vorades malmeses.', eu: 'Lauza hautsiak edo altxatuak, espaloi-ertz hondatuak.', gl: 'Lousas rotas ou levantadas, bordos danados.' },
    group: STREET, icon: 'sidewalk', department: 'vias-publicas', moderation: false, targetDays: 20,
    sampleTitles: ['Baldosas levantadas en la acera', 'Bordillo roto', 'Acera hundida frente al portal'],
  },
  {
    code: 'farola',
    name: { es: 'Farola apagada', en: 'Street light out', ca: 'Fanal apagat', eu: 'Farola itzalita', gl: 'Farola apagada' },
    description: { es: 'Farolas apagadas, intermitentes o dañadas.', en: 'Street lights that are off, flickering or damaged.', ca: 'Fanals apagats, intermitents o malmesos.', eu: 'Farola itzaliak, keinuka dabiltzanak edo hondatuak.', gl: 'Farolas apagadas, intermitentes ou danadas.' },
    group: STREET, icon: 'streetlight', department: 'alumbrado', moderation: false, targetDays: 5,
    sampleTitles: ['Farola apagada desde hace días', 'Farola parpadeando toda la noche', 'Calle a oscuras'],
  },
  {
    code: 'pintada',
    name: { es: 'Pintadas y grafitis', en: 'Graffiti', ca: 'Pintades i grafits', eu: 'Pintadak eta grafitiak', gl: 'Pintadas e grafitis' },
    description: { es: 'Pintadas en fachadas, mobiliario o monumentos.', en: 'Graffiti on walls, furniture or monuments.', ca: 'Pintades en façanes, mobiliari o monuments.', eu: 'Pintadak fatxadetan, hiri-altzarietan edo monumentuetan.', gl: 'Pintadas en fachadas, mobiliario ou monumentos.' },
    group: STREET, icon: 'graffiti', department: 'limpieza', moderation: true, targetDays: 10,
    sampleTitles: ['Pintadas en la fachada', 'Grafiti en el banco del parque', 'Pintadas en la marquesina'],
  },
  {
    code: 'limpieza',
    name: { es: 'Suciedad en la vía pública', en: 'Dirty street', ca: 'Brutícia a la via pública', eu: 'Zikinkeria bide publikoan', gl: 'Sucidade na vía pública' },
    description: { es: 'Basura, excrementos o restos en calles y plazas.', en: 'Litter, dog fouling or debris in streets and squares.', ca: 'Escombraries, excrements o restes en carrers i places.', eu: 'Zaborra, gorotzak edo hondakinak kale eta plazetan.', gl: 'Lixo, excrementos ou restos en rúas e prazas.' },
    group: STREET, icon: 'broom', department: 'limpieza', moderation: false, targetDays: 3,
    sampleTitles: ['Calle llena de basura tras el mercadillo', 'Excrementos en la acera', 'Restos de botellón en la plaza'],
  },
  {
    code: 'contenedor',
    name: { es: 'Contenedor lleno o dañado', en: 'Bin full or damaged', ca: 'Contenidor ple o malmès', eu: 'Edukiontzi betea edo hondatua', gl: 'Contedor cheo ou danado' },
    description: { es: 'Contenedores desbordados, rotos o quemados.', en: 'Overflowing, broken or burnt bins.', ca: 'Contenidors desbordats, trencats o cremats.', eu: 'Gainezka, hautsita edo erreta dauden edukiontziak.', gl: 'Contedores desbordados, rotos ou queimados.' },
    group: SERVICES, icon: 'bin', department: 'residuos', moderation: false, targetDays: 2,
    sampleTitles: ['Contenedor desbordado', 'Contenedor de papel roto', 'Contenedor quemado'],
  },
  {
    code: 'enseres',
    name: { es: 'Muebles y enseres abandonados', en: 'Dumped furniture', ca: 'Mobles i estris abandonats', eu: 'Utzitako altzariak eta tresnak', gl: 'Mobles e trastes abandonados' },
    description: { es: 'Colchones, muebles o electrodomésticos en la calle.', en: 'Mattresses, furniture or appliances left in the street.', ca: 'Matalassos, mobles o electrodomèstics al carrer.', eu: 'Koltxoiak, altzariak edo etxetresna elektrikoak kalean.', gl: 'Colchóns, mobles ou electrodomésticos na rúa.' },
    group: SERVICES, icon: 'sofa', department: 'residuos', moderation: false, targetDays: 3,
    sampleTitles: ['Colchón abandonado junto al contenedor', 'Sofá en la acera', 'Nevera abandonada'],
  },
  {
    code: 'arbol',
    name: { es: 'Árbol o zona verde', en: 'Tree or green area', ca: 'Arbre o zona verda', eu: 'Zuhaitza edo berdegunea', gl: 'Árbore ou zona verde' },
    description: { es: 'Ramas caídas, árboles peligrosos, césped sin cuidar.', en: 'Fallen branches, dangerous trees, neglected lawns.', ca: 'Branques caigudes, arbres perillosos, gespa descuidada.', eu: 'Adar eroriak, zuhaitz arriskutsuak, zaindu gabeko belarra.', gl: 'Pólas caídas, árbores perigosas, céspede descoidado.' },
    group: ENVIRONMENT, icon: 'tree', department: 'parques', moderation: false, targetDays: 10,
    sampleTitles: ['Rama a punto de caer', 'Alcorque sin árbol', 'Césped seco y sin regar'],
  },
  {
    code: 'juegos',
    name: { es: 'Área infantil dañada', en: 'Damaged playground', ca: 'Àrea de jocs infantils malmesa', eu: 'Haur-jolasleku hondatua', gl: 'Área infantil danada' },
    description: { es: 'Columpios rotos, suelo de caucho levantado.', en: 'Broken swings, lifted safety flooring.', ca: 'Gronxadors trencats, paviment de cautxú aixecat.', eu: 'Kulunka hautsiak, kautxuzko zoru altxatua.', gl: 'Randeeiras rotas, chan de caucho levantado.' },
    group: ENVIRONMENT, icon: 'playground', department: 'parques', moderation: false, targetDays: 7,
    sampleTitles: ['Columpio roto', 'Tobogán con astillas', 'Suelo de caucho levantado'],
  },
  {
    code: 'semaforo',
    name: { es: 'Semáforo averiado', en: 'Traffic light fault', ca: 'Semàfor avariat', eu: 'Semaforo matxuratua', gl: 'Semáforo avariado' },
    description: { es: 'Semáforos apagados, en ámbar fijo o desincronizados.', en: 'Traffic lights off, stuck on amber or out of sync.', ca: 'Semàfors apagats, en ambre fix o desincronitzats.', eu: 'Semaforo itzaliak, anbarrean finko daudenak edo desinkronizatuak.', gl: 'Semáforos apagados, en ámbar fixo ou desincronizados.' },
    group: STREET, icon: 'traffic-light', department: 'movilidad', moderation: false, targetDays: 1,
    sampleTitles: ['Semáforo apagado en el cruce', 'Semáforo peatonal no cambia', 'Semáforo en ámbar fijo'],
  },
  {
    code: 'senal',
    name: { es: 'Señal de tráfico', en: 'Traffic sign', ca: 'Senyal de trànsit', eu: 'Trafiko-seinalea', gl: 'Sinal de tráfico' },
    description: { es: 'Señales caídas, giradas o ilegibles.', en: 'Fallen, turned or unreadable signs.', ca: 'Senyals caiguts, girats o il·legibles.', eu: 'Seinale eroriak, biratuak edo irakurtezinak.', gl: 'Sinais caídos, xirados ou ilexibles.' },
    group: STREET, icon: 'sign', department: 'movilidad', moderation: false, targetDays: 10,
    sampleTitles: ['Señal de stop caída', 'Señal girada', 'Paso de cebra borrado'],
  },
  {
    code: 'agua',
    name: { es: 'Fuga de agua o alcantarilla', en: 'Water leak or drain', ca: 'Fuita d’aigua o claveguera', eu: 'Ur-ihesa edo estolda', gl: 'Fuga de auga ou sumidoiro' },
    description: { es: 'Fugas, alcantarillas atascadas, tapas rotas.', en: 'Leaks, blocked drains, broken covers.', ca: 'Fuites, embornals embussats, tapes trencades.', eu: 'Ihesak, estolda buxatuak, tapa hautsiak.', gl: 'Fugas, sumidoiros atascados, tapas rotas.' },
    group: SERVICES, icon: 'drop', department: 'agua', moderation: false, targetDays: 2,
    sampleTitles: ['Fuga de agua en la acera', 'Alcantarilla atascada', 'Tapa de registro rota'],
  },
  {
    code: 'mobiliario',
    name: { es: 'Mobiliario urbano', en: 'Street furniture', ca: 'Mobiliari urbà', eu: 'Hiri-altzariak', gl: 'Mobiliario urbano' },
    description: { es: 'Bancos, papeleras, bolardos o fuentes dañados.', en: 'Damaged benches, litter bins, bollards or fountains.', ca: 'Bancs, papereres, pilones o fonts malmesos.', eu: 'Banku, paperontzi, bolardo edo iturri hondatuak.', gl: 'Bancos, papeleiras, bolardos ou fontes danados.' },
    group: STREET, icon: 'bench', department: 'mobiliario', moderation: false, targetDays: 15,
    sampleTitles: ['Banco roto', 'Papelera arrancada', 'Fuente que no funciona'],
  },
];

/** Translations a native speaker should confirm before a city in that language goes live. */
export const REVIEW: Record<Exclude<Locale, 'es' | 'en'>, Record<string, string>> = {
  ca: {
    'category.bache': '“Sot o esvoranc”: esvoranc is the usual word for a socavón; some councils say “clot”.',
  },
  eu: {
    'department.alumbrado': '“Herri Argiteria” is what several Basque councils call the service; others say “Argiteria Publikoa”.',
    'category.bache': '“Zuloa edo hondoratzea”: plain words chosen over the technical “galtzada-zuloa”.',
    'category.semaforo': '“anbarrean finko”: check the usual phrasing for a light stuck on amber.',
  },
  gl: {
    'category.bache': '“Fochanca ou afundimento”: fochanca is the RAG term for a bache; check the council’s own usage.',
    'category.juegos': '“Randeeiras” for swings (columpios): confirm against the council’s parks service.',
  },
};
