import type { LocalizedText } from '@plaza/shared/contracts';

export interface DepartmentSeed {
  code: string;
  name: LocalizedText;
  email: string;
}

export interface CategorySeed {
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  group: LocalizedText;
  icon: string;
  department: string;
  moderation: boolean;
  targetDays: number;
  /** Titles citizens typically write, used by the demo generator. */
  sampleTitles: string[];
}

const STREET: LocalizedText = { es: 'Vía pública', en: 'Streets' };
const ENVIRONMENT: LocalizedText = { es: 'Medio ambiente', en: 'Environment' };
const SERVICES: LocalizedText = { es: 'Servicios', en: 'Services' };

export const DEPARTMENTS: DepartmentSeed[] = [
  { code: 'limpieza', name: { es: 'Limpieza Viaria', en: 'Street Cleaning' }, email: 'limpieza@ayto.example' },
  { code: 'alumbrado', name: { es: 'Alumbrado Público', en: 'Street Lighting' }, email: 'alumbrado@ayto.example' },
  { code: 'vias-publicas', name: { es: 'Vías Públicas', en: 'Roads and Pavements' }, email: 'vias@ayto.example' },
  { code: 'parques', name: { es: 'Parques y Jardines', en: 'Parks and Gardens' }, email: 'parques@ayto.example' },
  { code: 'movilidad', name: { es: 'Movilidad y Tráfico', en: 'Mobility and Traffic' }, email: 'movilidad@ayto.example' },
  { code: 'agua', name: { es: 'Agua y Saneamiento', en: 'Water and Sewerage' }, email: 'agua@ayto.example' },
  { code: 'residuos', name: { es: 'Recogida de Residuos', en: 'Waste Collection' }, email: 'residuos@ayto.example' },
  { code: 'mobiliario', name: { es: 'Mobiliario Urbano', en: 'Street Furniture' }, email: 'mobiliario@ayto.example' },
];

export const CATEGORIES: CategorySeed[] = [
  {
    code: 'bache',
    name: { es: 'Bache o socavón', en: 'Pothole' },
    description: { es: 'Agujeros y hundimientos en la calzada.', en: 'Holes and sinking in the road surface.' },
    group: STREET, icon: 'pothole', department: 'vias-publicas', moderation: false, targetDays: 15,
    sampleTitles: ['Bache profundo en la calzada', 'Socavón junto al paso de peatones', 'Hundimiento del asfalto'],
  },
  {
    code: 'acera',
    name: { es: 'Acera dañada', en: 'Damaged pavement' },
    description: { es: 'Baldosas rotas o levantadas, bordillos dañados.', en: 'Broken or lifted tiles, damaged kerbs.' },
    group: STREET, icon: 'sidewalk', department: 'vias-publicas', moderation: false, targetDays: 20,
    sampleTitles: ['Baldosas levantadas en la acera', 'Bordillo roto', 'Acera hundida frente al portal'],
  },
  {
    code: 'farola',
    name: { es: 'Farola apagada', en: 'Street light out' },
    description: { es: 'Farolas apagadas, intermitentes o dañadas.', en: 'Street lights that are off, flickering or damaged.' },
    group: STREET, icon: 'streetlight', department: 'alumbrado', moderation: false, targetDays: 5,
    sampleTitles: ['Farola apagada desde hace días', 'Farola parpadeando toda la noche', 'Calle a oscuras'],
  },
  {
    code: 'pintada',
    name: { es: 'Pintadas y grafitis', en: 'Graffiti' },
    description: { es: 'Pintadas en fachadas, mobiliario o monumentos.', en: 'Graffiti on walls, furniture or monuments.' },
    group: STREET, icon: 'graffiti', department: 'limpieza', moderation: true, targetDays: 10,
    sampleTitles: ['Pintadas en la fachada', 'Grafiti en el banco del parque', 'Pintadas en la marquesina'],
  },
  {
    code: 'limpieza',
    name: { es: 'Suciedad en la vía pública', en: 'Dirty street' },
    description: { es: 'Basura, excrementos o restos en calles y plazas.', en: 'Litter, dog fouling or debris in streets and squares.' },
    group: STREET, icon: 'broom', department: 'limpieza', moderation: false, targetDays: 3,
    sampleTitles: ['Calle llena de basura tras el mercadillo', 'Excrementos en la acera', 'Restos de botellón en la plaza'],
  },
  {
    code: 'contenedor',
    name: { es: 'Contenedor lleno o dañado', en: 'Bin full or damaged' },
    description: { es: 'Contenedores desbordados, rotos o quemados.', en: 'Overflowing, broken or burnt bins.' },
    group: SERVICES, icon: 'bin', department: 'residuos', moderation: false, targetDays: 2,
    sampleTitles: ['Contenedor desbordado', 'Contenedor de papel roto', 'Contenedor quemado'],
  },
  {
    code: 'enseres',
    name: { es: 'Muebles y enseres abandonados', en: 'Dumped furniture' },
    description: { es: 'Colchones, muebles o electrodomésticos en la calle.', en: 'Mattresses, furniture or appliances left in the street.' },
    group: SERVICES, icon: 'sofa', department: 'residuos', moderation: false, targetDays: 3,
    sampleTitles: ['Colchón abandonado junto al contenedor', 'Sofá en la acera', 'Nevera abandonada'],
  },
  {
    code: 'arbol',
    name: { es: 'Árbol o zona verde', en: 'Tree or green area' },
    description: { es: 'Ramas caídas, árboles peligrosos, césped sin cuidar.', en: 'Fallen branches, dangerous trees, neglected lawns.' },
    group: ENVIRONMENT, icon: 'tree', department: 'parques', moderation: false, targetDays: 10,
    sampleTitles: ['Rama a punto de caer', 'Alcorque sin árbol', 'Césped seco y sin regar'],
  },
  {
    code: 'juegos',
    name: { es: 'Área infantil dañada', en: 'Damaged playground' },
    description: { es: 'Columpios rotos, suelo de caucho levantado.', en: 'Broken swings, lifted safety flooring.' },
    group: ENVIRONMENT, icon: 'playground', department: 'parques', moderation: false, targetDays: 7,
    sampleTitles: ['Columpio roto', 'Tobogán con astillas', 'Suelo de caucho levantado'],
  },
  {
    code: 'semaforo',
    name: { es: 'Semáforo averiado', en: 'Traffic light fault' },
    description: { es: 'Semáforos apagados, en ámbar fijo o desincronizados.', en: 'Traffic lights off, stuck on amber or out of sync.' },
    group: STREET, icon: 'traffic-light', department: 'movilidad', moderation: false, targetDays: 1,
    sampleTitles: ['Semáforo apagado en el cruce', 'Semáforo peatonal no cambia', 'Semáforo en ámbar fijo'],
  },
  {
    code: 'senal',
    name: { es: 'Señal de tráfico', en: 'Traffic sign' },
    description: { es: 'Señales caídas, giradas o ilegibles.', en: 'Fallen, turned or unreadable signs.' },
    group: STREET, icon: 'sign', department: 'movilidad', moderation: false, targetDays: 10,
    sampleTitles: ['Señal de stop caída', 'Señal girada', 'Paso de cebra borrado'],
  },
  {
    code: 'agua',
    name: { es: 'Fuga de agua o alcantarilla', en: 'Water leak or drain' },
    description: { es: 'Fugas, alcantarillas atascadas, tapas rotas.', en: 'Leaks, blocked drains, broken covers.' },
    group: SERVICES, icon: 'drop', department: 'agua', moderation: false, targetDays: 2,
    sampleTitles: ['Fuga de agua en la acera', 'Alcantarilla atascada', 'Tapa de registro rota'],
  },
  {
    code: 'mobiliario',
    name: { es: 'Mobiliario urbano', en: 'Street furniture' },
    description: { es: 'Bancos, papeleras, bolardos o fuentes dañados.', en: 'Damaged benches, litter bins, bollards or fountains.' },
    group: STREET, icon: 'bench', department: 'mobiliario', moderation: false, targetDays: 15,
    sampleTitles: ['Banco roto', 'Papelera arrancada', 'Fuente que no funciona'],
  },
];
