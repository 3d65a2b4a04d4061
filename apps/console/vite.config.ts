import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
// Build tooling shared by both apps, not a library: outside the project graph on purpose.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { webAppConfig } from '../../infra/vite/web-app-config';

export default defineConfig(
  webAppConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    // Served by the API under /console/, so asset URLs must carry the prefix.
    base: '/console/',
    // A sub-folder the map build does not write to; built after the map, which empties dist/web.
    outDir: 'dist/web/console',
  }),
);
