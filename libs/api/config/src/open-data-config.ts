type Env = Record<string, string | undefined>;

/** What the city publishes its open data under, and as whom (docs/open-data.md, "Licence and publisher"). */
export interface OpenDataConfig {
  licence: { id: string; title: string; url: string };
  publisher: {
    name: string;
    /** DIR3 code, as datos.gob.es identifies organisations; null when the city has not given one. */
    dir3: string | null;
  };
  /** The datos.gob.es territory URI the data covers; null when not given. */
  spatial: string | null;
}

/** Licences a city may name by their SPDX id alone. */
export const KNOWN_LICENCES: Record<string, { title: string; url: string }> = {
  'CC-BY-4.0': {
    title: 'Creative Commons Attribution 4.0 International',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  'CC-BY-SA-4.0': {
    title: 'Creative Commons Attribution-ShareAlike 4.0 International',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
  },
  'CC0-1.0': {
    title: 'Creative Commons Zero 1.0 Universal',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  },
  'ODbL-1.0': {
    title: 'Open Data Commons Open Database License 1.0',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
};

// The demo city's defaults: Madrid's council and its DIR3 code.
export const DEFAULT_OPEN_DATA_LICENCE = 'CC-BY-4.0';
export const DEFAULT_OPEN_DATA_PUBLISHER = 'Ayuntamiento de Madrid';
const DEFAULT_DIR3 = 'L01280796';
const DEFAULT_SPATIAL = 'http://datos.gob.es/recurso/sector-publico/territorio/Provincia/Madrid';

/**
 * OPEN_DATA_LICENCE (an SPDX id from KNOWN_LICENCES, or any id with OPEN_DATA_LICENCE_URL),
 * OPEN_DATA_PUBLISHER (the body publishing), OPEN_DATA_PUBLISHER_DIR3 and OPEN_DATA_SPATIAL. A
 * city that names its own publisher does not inherit Madrid's DIR3 code or territory.
 */
export function readOpenDataConfig(env: Env, problems: string[]): { openData: OpenDataConfig } {
  const id = env['OPEN_DATA_LICENCE']?.trim() || DEFAULT_OPEN_DATA_LICENCE;
  const customUrl = env['OPEN_DATA_LICENCE_URL']?.trim();
  let licence = { id, ...(KNOWN_LICENCES[id] ?? { title: id, url: customUrl ?? '' }) };
  if (customUrl) {
    if (!/^https?:\/\/\S+$/.test(customUrl)) problems.push(`OPEN_DATA_LICENCE_URL must be an http(s) URL (got "${customUrl}")`);
    else licence = { ...licence, url: customUrl };
  } else if (!KNOWN_LICENCES[id]) {
    problems.push(
      `OPEN_DATA_LICENCE must be one of ${Object.keys(KNOWN_LICENCES).join(', ')}, or come with OPEN_DATA_LICENCE_URL (got "${id}")`,
    );
    licence = { id: DEFAULT_OPEN_DATA_LICENCE, ...KNOWN_LICENCES[DEFAULT_OPEN_DATA_LICENCE]! };
  }
  const ownPublisher = env['OPEN_DATA_PUBLISHER']?.trim();
  const dir3 = env['OPEN_DATA_PUBLISHER_DIR3']?.trim() || (ownPublisher ? null : DEFAULT_DIR3);
  if (dir3 !== null && !/^[A-Z0-9]{9}$/.test(dir3)) {
    problems.push(`OPEN_DATA_PUBLISHER_DIR3 must be a 9-character DIR3 code such as L01280796 (got "${dir3}")`);
  }
  const spatial = env['OPEN_DATA_SPATIAL']?.trim() || (ownPublisher ? null : DEFAULT_SPATIAL);
  if (spatial !== null && !/^https?:\/\/\S+$/.test(spatial)) {
    problems.push(`OPEN_DATA_SPATIAL must be a territory URI (got "${spatial}")`);
  }
  return {
    openData: {
      licence,
      publisher: { name: ownPublisher || DEFAULT_OPEN_DATA_PUBLISHER, dir3 },
      spatial,
    },
  };
}
