import { PROPOSAL_COLUMNS, REPORT_COLUMNS } from './columns';
import type { DatasetCoverage } from './open-data.repository';
import type { OpenDataConfig } from '@plaza/api/config';
import { OPEN_DATA_SCHEMA_VERSION } from './open-data.settings';

/** A DCAT-AP JSON-LD document (a dcat:Catalog); the shape is loose on purpose, RDF is open. */
export type DcatCatalog = Record<string, unknown>;

const EU = 'http://publications.europa.eu/resource/authority';
const IANA = 'http://www.iana.org/assignments/media-types';
const SECTOR = 'http://datos.gob.es/kos/sector-publico/sector';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const text = (es: string, en: string) => [
  { '@language': 'es', '@value': es },
  { '@language': 'en', '@value': en },
];
const ref = (id: string) => ({ '@id': id });
const dateTime = (value: string) => ({ '@value': value, '@type': 'xsd:dateTime' });
const date = (value: string) => ({ '@value': value, '@type': 'xsd:date' });

interface DatasetText {
  name: 'reports' | 'proposals';
  title: [string, string];
  description: [string, string];
  keywords: string[];
  theme: string;
  columns: readonly { name: string }[];
}

const DATASETS: DatasetText[] = [
  {
    name: 'reports',
    title: ['Avisos de incidencias en la vía pública', 'Street incident reports'],
    description: [
      'Avisos de la ciudadanía sobre incidencias en la vía pública (baches, alumbrado, limpieza…), con su categoría, estado, distrito, servicio responsable, ubicación y tiempos de respuesta en días hábiles. Solo avisos publicados y moderados; sin datos personales.',
      'Citizen reports of street incidents (potholes, lighting, cleaning…) with category, status, district, department in charge, location and response times in business days. Only published, moderated reports; no personal data.',
    ],
    keywords: ['incidencias', 'vía pública', 'atención ciudadana', 'tiempos de respuesta'],
    theme: `${SECTOR}/urbanismo-infraestructuras`,
    columns: REPORT_COLUMNS,
  },
  {
    name: 'proposals',
    title: ['Propuestas ciudadanas', 'Citizen proposals'],
    description: [
      'Propuestas de la ciudadanía con su tema, estado, distrito, servicio que responde, apoyos y comentarios. Solo propuestas visibles; sin datos de sus autores.',
      'Citizen proposals with theme, status, district, answering department, supports and comments. Only visible proposals; nothing about their authors.',
    ],
    keywords: ['participación ciudadana', 'propuestas'],
    theme: `${SECTOR}/sociedad-bienestar`,
    columns: PROPOSAL_COLUMNS,
  },
];

/**
 * The open-data catalogue in the DCAT-AP 2 vocabulary that DCAT-AP-ES (datos.gob.es) profiles:
 * publisher as a datos.gob.es organisation URI (DIR3), themes from its sector taxonomy, EU
 * authority tables for formats, languages and frequency, one distribution per format.
 */
export function buildCatalog(
  publicUrl: string,
  coverage: Record<'reports' | 'proposals', DatasetCoverage>,
  settings: OpenDataConfig,
): DcatCatalog {
  const base = publicUrl.replace(/\/+$/, '');
  const api = `${base}/api/v1/open-data`;
  const { licence, publisher, spatial } = settings;
  const agent = {
    // datos.gob.es names an organisation by its DIR3 code; without one, the catalogue names it.
    '@id': publisher.dir3
      ? `http://datos.gob.es/recurso/sector-publico/org/Organismo/${publisher.dir3}`
      : `${api}/catalog.json#publisher`,
    '@type': 'foaf:Agent',
    'foaf:name': publisher.name,
  };
  const languages = [ref(`${EU}/language/SPA`), ref(`${EU}/language/ENG`)];
  const modified = [coverage.reports.modified, coverage.proposals.modified]
    .filter((m): m is string => m !== null)
    .sort()
    .at(-1);
  return {
    '@context': CONTEXT,
    '@id': `${api}/catalog.json`,
    '@type': 'dcat:Catalog',
    'dct:title': text('Datos abiertos de Plaza', 'Plaza open data'),
    'dct:description': text(
      'Avisos de incidencias y propuestas ciudadanas publicados en Plaza, la plataforma de participación del ayuntamiento.',
      "Incident reports and citizen proposals published on Plaza, the city council's participation platform.",
    ),
    'dct:publisher': agent,
    'dct:language': languages,
    'dct:license': ref(licence.url),
    ...(spatial ? { 'dct:spatial': ref(spatial) } : {}),
    'foaf:homepage': ref(base),
    'dcat:themeTaxonomy': ref(SECTOR),
    ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
    'dcat:dataset': DATASETS.map((d) => dataset(d, api, agent, languages, coverage[d.name], settings)),
  };
}

function dataset(
  d: DatasetText,
  api: string,
  publisher: Record<string, unknown>,
  languages: unknown[],
  coverage: DatasetCoverage,
  settings: OpenDataConfig,
): Record<string, unknown> {
  const { licence, spatial } = settings;
  const id = `${api}/catalog.json#${d.name}`;
  const formats = [
    { ext: 'csv', format: 'CSV', media: `${IANA}/text/csv`, label: 'CSV' },
    { ext: 'geojson', format: 'GEOJSON', media: `${IANA}/application/geo+json`, label: 'GeoJSON' },
  ];
  return {
    '@id': id,
    '@type': 'dcat:Dataset',
    'dct:identifier': id,
    'dct:title': text(...d.title),
    'dct:description': text(...d.description),
    'dcat:keyword': d.keywords.map((k) => ({ '@language': 'es', '@value': k })),
    'dcat:theme': ref(d.theme),
    'dct:publisher': publisher,
    'dct:language': languages,
    'dct:license': ref(licence.url),
    ...(spatial ? { 'dct:spatial': ref(spatial) } : {}),
    'dct:accrualPeriodicity': ref(`${EU}/frequency/DAILY`),
    ...(coverage.start && coverage.end
      ? {
          'dct:temporal': {
            '@type': 'dct:PeriodOfTime',
            'dcat:startDate': date(coverage.start),
            'dcat:endDate': date(coverage.end),
          },
        }
      : {}),
    ...(coverage.modified ? { 'dct:modified': dateTime(coverage.modified) } : {}),
    'dcat:distribution': formats.map((f) => ({
      '@id': `${api}/${d.name}.${f.ext}`,
      '@type': 'dcat:Distribution',
      'dct:title': text(`${d.title[0]} (${f.label})`, `${d.title[1]} (${f.label})`),
      'dcat:accessURL': ref(`${api}/${d.name}.${f.ext}`),
      'dcat:downloadURL': ref(`${api}/${d.name}.${f.ext}`),
      'dct:format': ref(`${EU}/file-type/${f.format}`),
      'dcat:mediaType': ref(f.media),
      'dct:license': ref(licence.url),
      'dct:conformsTo': {
        '@id': `${api}/catalog.json#${d.name}-schema-v${OPEN_DATA_SCHEMA_VERSION}`,
        'dct:title': `Plaza ${d.name} columns v${OPEN_DATA_SCHEMA_VERSION}: ${d.columns.map((c) => c.name).join(', ')}`,
      },
    })),
  };
}
