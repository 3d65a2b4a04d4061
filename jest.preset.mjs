// Shared jest settings: ESM (Nest 12 ships ES modules only), swc for speed, aliases from tsconfig.
import { swcOptions, tsPaths, workspaceRoot } from './infra/scripts/swc-options.mjs';

const moduleNameMapper = Object.fromEntries(
  Object.entries(tsPaths()).map(([alias, [target]]) => [`^${alias.replace(/[/.]/g, '\\$&')}$`, `<rootDir>/${target}`]),
);

const { jsc } = swcOptions({ resolvePaths: false });

export function jestProject(overrides) {
  return {
    rootDir: workspaceRoot,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc, module: { type: 'es6' }, sourceMaps: 'inline' }] },
    moduleNameMapper,
    testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
    ...overrides,
  };
}
