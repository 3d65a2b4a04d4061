import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.nx/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    plugins: { '@nx': nx },
    rules: {
      // Dependency direction, by tags on every project (see docs/architecture.md).
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:map', onlyDependOnLibsWithTags: ['scope:map', 'scope:web', 'scope:shared'] },
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:web', 'scope:shared'] },
            // Browser tests drive built apps from outside; they may only reach for the test harness.
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['type:testing', 'scope:shared'] },
            // Layering: a feature never imports another feature; what two features share moves down a floor.
            // Only apps (and their tests) may reach for a test harness (`type:testing`).
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:testing'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // SQL lives in repositories: a `.query(` call anywhere else in the API is an error.
    files: ['apps/api/**/*.ts', 'libs/api/**/*.ts'],
    ignores: [
      '**/*.repository.ts',
      '**/migrations/**',
      // Carries the repositories' SQL to a replica or the primary; writes none of its own.
      'libs/api/database/src/public-reads.ts',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      'apps/api/test/**',
      'libs/api/testing/**',
      'infra/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message: 'SQL belongs in the owning library\'s *.repository.ts.',
        },
      ],
    },
  },
  {
    // Repositories are typed: each query names its row type, methods declare what they return, no `any`.
    files: ['**/*.repository.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']:not([typeArguments])",
          message: 'Name the row type: manager.query<FooRow[]>(sql, params).',
        },
      ],
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Shared code is pure TypeScript: no framework may leak into it.
    files: ['libs/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'typeorm', 'react', 'react-dom', 'leaflet', 'pg', 'fastify'] },
      ],
    },
  },
);
