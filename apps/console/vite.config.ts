import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../../', import.meta.url));

export default defineConfig({
  root,
  // Served by the API under /console/, so asset URLs must carry the prefix.
  base: '/console/',
  publicDir: false,
  plugins: [react()],
  resolve: {
    // Mirrors tsconfig.base.json paths; Vite does not read tsconfig paths by itself.
    alias: {
      '@plaza/web/i18n': `${workspace}libs/web/i18n/src/index.ts`,
      '@plaza/web/ui': `${workspace}libs/web/ui/src/index.ts`,
      '@plaza/web/account': `${workspace}libs/web/account/src/index.ts`,
      '@plaza/shared/contracts': `${workspace}libs/shared/contracts/src/index.ts`,
      '@plaza/shared/moderation': `${workspace}libs/shared/moderation/src/index.ts`,
      '@plaza/console/util': `${workspace}libs/console/util/src/index.ts`,
      '@plaza/console/data-access': `${workspace}libs/console/data-access/src/index.ts`,
      '@plaza/console/ui': `${workspace}libs/console/ui/src/index.ts`,
      '@plaza/console/feature-cases': `${workspace}libs/console/feature-cases/src/index.ts`,
      '@plaza/console/feature-admin': `${workspace}libs/console/feature-admin/src/index.ts`,
      '@plaza/console/feature-participation': `${workspace}libs/console/feature-participation/src/index.ts`,
      '@plaza/console/feature-deliveries': `${workspace}libs/console/feature-deliveries/src/index.ts`,
    },
  },
  build: {
    outDir: `${workspace}dist/web/console`,
    // Safe to empty: it is a sub-folder the map build does not write to. Must run after the map
    // build, which empties all of dist/web (see infra/scripts/build-web.mjs).
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': process.env['PLAZA_API_URL'] ?? 'http://localhost:3000' },
  },
});
