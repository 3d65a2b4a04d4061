// Lets plain `node` run the TypeScript sources: `node --import ./infra/scripts/register-swc.mjs file.ts`.
// Used for child processes forked from code that itself runs from sources (jest), such as the photo
// processor (libs/api/media/src/photo-processor-pool.ts); the built API (dist/api) never needs it.
import { register } from 'node:module';

register('./swc-loader-hooks.mjs', import.meta.url);
