// The demo seed writes straight to many tables in bulk. Its statements live in the seed's own
// *.repository.ts files rather than in each table's owner: fixed demo data, written once into an
// empty database, not an API any feature calls.
export * from './demo-seed.repository';
export * from './demo-accounts.repository';
export * from './demo-templates.repository';
export * from './reference-data';
export * from './demo-open311-client.repository';
export * from './demo-holidays.repository';
export * from './demo-cases.repository';
export * from './demo-proposals.repository';
