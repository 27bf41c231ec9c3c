// One lint config for the whole workspace. The Nx module-boundary rule keeps the layering
// that the folder tree promises: domain ← db ← features ← apps (config and jobs are shared
// infrastructure below the features; testing is for specs only).
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default [
  {
    ignores: [
      'jest.config.ts',
      '**/node_modules',
      '**/dist',
      '**/.data',
      '**/.nx',
      '**/coverage',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:config'] },
            { sourceTag: 'type:jobs', onlyDependOnLibsWithTags: ['type:jobs', 'type:config', 'type:domain'] },
            {
              sourceTag: 'type:db',
              onlyDependOnLibsWithTags: ['type:db', 'type:config', 'type:domain', 'type:testing'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:db',
                'type:jobs',
                'type:config',
                'type:domain',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:testing', 'type:db', 'type:config', 'type:domain'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:db',
                'type:jobs',
                'type:config',
                'type:domain',
                'type:testing',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    // The domain library is pure: no framework, no I/O.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis', 'fs', 'node:*', 'stripe'] },
      ],
    },
  },
  prettier,
];
