import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
// Build tooling shared by both apps, not a library: outside the project graph on purpose.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { webAppConfig } from '../../infra/vite/web-app-config';

export default defineConfig(
  webAppConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: '/',
    // Owns dist/web: built first (infra/scripts/build-web.mjs), the console lands in a sub-folder.
    outDir: 'dist/web',
    // Lists each entry's static imports, so the build script can weigh what the map page loads.
    manifest: true,
  }),
);
