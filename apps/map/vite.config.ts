import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../../', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // No public/ folder: everything the page needs is imported, so Vite fingerprints it.
  publicDir: false,
  plugins: [react()],
  resolve: {
    // Mirrors tsconfig.base.json paths; Vite does not read tsconfig paths by itself.
    alias: {
      '@plaza/web/i18n': `${workspace}libs/web/i18n/src/index.ts`,
      '@plaza/web/ui': `${workspace}libs/web/ui/src/index.ts`,
      '@plaza/web/account': `${workspace}libs/web/account/src/index.ts`,
      '@plaza/web/api-client': `${workspace}libs/web/api-client/src/index.ts`,
      '@plaza/web/session': `${workspace}libs/web/session/src/index.ts`,
      '@plaza/web/feature-sign-in': `${workspace}libs/web/feature-sign-in/src/index.ts`,
      '@plaza/shared/contracts': `${workspace}libs/shared/contracts/src/index.ts`,
    },
  },
  build: {
    outDir: `${workspace}dist/web`,
    // The map owns dist/web and wipes it, console included; that is why the console is always
    // built after the map (see infra/scripts/build-web.mjs) into its own emptied sub-folder.
    emptyOutDir: true,
    // Lists each entry's static imports, so the build script can weigh what the map page loads.
    manifest: true,
  },
  server: {
    // Same-origin in production (the API serves dist/web), so proxy /api in dev to keep relative URLs.
    proxy: { '/api': process.env['PLAZA_API_URL'] ?? 'http://localhost:3000' },
  },
});
