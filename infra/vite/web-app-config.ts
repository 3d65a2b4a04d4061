// One Vite configuration for both web apps; each app's vite.config.ts says only what differs
// (base path, output folder, chunk budget).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

const workspace = fileURLToPath(new URL('../../', import.meta.url));

// Browser code may only reach these libraries (the module-boundary rules say the same).
const WEB_ALIASES = /^@plaza\/(web|shared|map|console)\//;

/** tsconfig.base.json's paths for browser libraries, as Vite aliases (Vite does not read tsconfig paths). */
export function webAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(`${workspace}tsconfig.base.json`, 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths)
      .filter(([alias]) => WEB_ALIASES.test(alias))
      .map(([alias, [target]]) => [alias, `${workspace}${target}`]),
  );
}

export interface WebAppOptions {
  /** The app's folder (`import.meta.url` of its vite.config.ts, resolved to a directory). */
  root: string;
  /** Where the API serves it: `/` for the map, `/console/` for the console. */
  base: string;
  /** Output folder, relative to the workspace (`dist/web`, `dist/web/console`). */
  outDir: string;
  /** Writes .vite/manifest.json (the map's bundle budget reads it). */
  manifest?: boolean;
  /** Vite warns about a chunk larger than this (KB, minified). */
  chunkWarningKb?: number;
}

export function webAppConfig(options: WebAppOptions): UserConfig {
  return {
    root: options.root,
    base: options.base,
    // No public/ folder: everything a page needs is imported, so Vite fingerprints it.
    publicDir: false,
    plugins: [react()],
    resolve: { alias: webAliases() },
    build: {
      outDir: `${workspace}${options.outDir}`,
      // Each app empties its own folder. The map owns dist/web and wipes it, console included;
      // that is why the console is always built after the map (see infra/scripts/build-web.mjs).
      emptyOutDir: true,
      manifest: options.manifest ?? false,
      ...(options.chunkWarningKb ? { chunkSizeWarningLimit: options.chunkWarningKb } : {}),
    },
    server: {
      // Same-origin in production (the API serves dist/web), so proxy /api in dev to keep relative URLs.
      proxy: { '/api': process.env['PLAZA_API_URL'] ?? 'http://localhost:3000' },
    },
  };
}
