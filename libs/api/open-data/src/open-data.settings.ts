/**
 * What the city publishes its data under, and as whom. Defaults until the city section of the
 * configuration exists (docs/open-data.md, "Licence and publisher"): the licence is CC BY 4.0, the
 * publisher the demo city's council with its DIR3 code, as datos.gob.es identifies organisations.
 */
export const OPEN_DATA_SETTINGS = {
  licence: {
    id: 'CC-BY-4.0',
    title: 'Creative Commons Attribution 4.0 International',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  publisher: {
    name: 'Ayuntamiento de Madrid',
    /** DIR3 code: https://datos.gob.es/recurso/sector-publico/org/Organismo/{dir3} */
    dir3: 'L01280796',
  },
  /** datos.gob.es territory the data covers. */
  spatial: 'http://datos.gob.es/recurso/sector-publico/territorio/Provincia/Madrid',
} as const;

/** Version of the column lists below; a change of name, meaning or order bumps it (docs/open-data.md). */
export const OPEN_DATA_SCHEMA_VERSION = '1';
