export { hasServerText, readServerCatalogue, SERVER_MESSAGES_DIR, serverText, serverTranslator } from './server-messages';
export type { ServerMessageValues, ServerTranslator } from './server-messages';
