// What the city publishes its data under, and as whom, is configuration now: OPEN_DATA_LICENCE,
// OPEN_DATA_PUBLISHER… (libs/api/config/src/open-data-config.ts; docs/open-data.md, "Licence and publisher").

/** Version of the column lists below; a change of name, meaning or order bumps it (docs/open-data.md). */
export const OPEN_DATA_SCHEMA_VERSION = '1';
