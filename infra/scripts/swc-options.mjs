// One swc configuration for the API build and for jest, derived from tsconfig.base.json so the
// path aliases are declared once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function tsPaths() {
  const tsconfig = JSON.parse(readFileSync(path.join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
  return tsconfig.compilerOptions.paths;
}

export function swcOptions({ resolvePaths = true } = {}) {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      target: 'es2022',
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
        react: { runtime: 'automatic' },
      },
      keepClassNames: true,
      ...(resolvePaths ? { baseUrl: workspaceRoot, paths: tsPaths() } : {}),
    },
    module: { type: 'es6', resolveFully: true },
    sourceMaps: true,
  };
}
