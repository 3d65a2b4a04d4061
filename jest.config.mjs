import { jestProject } from './jest.preset.mjs';

// Three tiers: unit (pure logic, no I/O), integration (real PostgreSQL/PostGIS), browser (Chromium).
export default {
  projects: [
    jestProject({ displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,infra}/**/*.spec.{ts,tsx}'] }),
    jestProject({
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/infra/jest/slow-tests.mjs'],
    }),
    jestProject({
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/*-e2e/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/infra/jest/slow-tests.mjs'],
    }),
  ],
};
