// One lint config for the whole workspace. The layering rules at the bottom are the written-down
// architecture (docs/architecture.md): domain ← sync ← apps, and I/O libraries only in storage layers.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'crypto',
  'zlib',
  'http',
  'https',
  'os',
  'stream',
  'url',
  'util',
  'child_process',
];
const noApps = {
  group: ['@jigi/server', '@jigi/field', '@jigi/console', '**/apps/**'],
  message: 'packages/* never import apps/* (docs/architecture.md).',
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'e2e/artifacts/**',
      '**/*.config.js',
      '**/dev-dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    // No import cycles anywhere in the workspace, across packages too (workspace packages resolve to
    // their sources through the pnpm links, so `@jigi/*` counts as ours): a cycle is a layer that
    // knows its caller, and module initialisation order then decides what is undefined.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      // Dependencies are parsed as TypeScript too (espree would fail on them, and see no imports).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.es2022 },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'Use an `as const` object and a type of the same name (STYLE.md).',
        },
      ],
    },
  },
  {
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      'e2e/**/*.ts',
      '**/bench/**/*.ts',
      '**/test-support/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // domain: pure model. No I/O, no platform, no framework, no clock (time comes in as arguments).
    files: ['packages/domain/**/*.ts'],
    ignores: ['packages/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins,
          patterns: [
            noApps,
            {
              group: [
                'dexie',
                'fastify',
                '@fastify/*',
                'react',
                'react-*',
                'better-sqlite3',
                'pg',
                'pg-*',
                '@jigi/sync',
              ],
              message: 'domain depends on nothing but zod (docs/architecture.md).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'indexedDB',
        'localStorage',
        'fetch',
        'process',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass time in as an argument.' },
        { object: 'Math', property: 'random', message: 'Pass ids and randomness in as arguments.' },
      ],
    },
  },
  {
    // sync: the wire protocol and the merge; contract: the console API's shapes. Pure like domain.
    files: ['packages/sync/**/*.ts', 'packages/contract/**/*.ts'],
    ignores: ['packages/sync/**/*.test.ts', 'packages/contract/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins,
          patterns: [
            noApps,
            {
              group: [
                'dexie',
                'fastify',
                '@fastify/*',
                'react',
                'react-*',
                'better-sqlite3',
                'pg',
                'pg-*',
              ],
              message: 'sync is pure protocol code (docs/architecture.md).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'indexedDB',
        'localStorage',
        'fetch',
        'process',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass time in as an argument.' },
        { object: 'Math', property: 'random', message: 'Pass ids and randomness in as arguments.' },
      ],
    },
  },
  {
    // server: the database drivers (better-sqlite3, pg) live only in the storage folder, behind the
    // store interface.
    files: ['apps/server/**/*.ts'],
    ignores: ['apps/server/src/storage/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['better-sqlite3'],
              message: 'Only apps/server/src/storage may know it is SQLite (docs/architecture.md).',
            },
            {
              group: ['pg', 'pg-*'],
              message:
                'Only apps/server/src/storage may know it is PostgreSQL (docs/architecture.md).',
            },
            {
              group: ['@jigi/field', '**/apps/field/**'],
              message: 'apps never import each other.',
            },
          ],
        },
      ],
    },
  },
  {
    // Routes parse and answer; services open the transactions (apps/server/README.md, « Storage »).
    files: ['apps/server/src/routes/**/*.ts'],
    ignores: ['apps/server/src/routes/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='store']",
          message: 'Routes never open transactions: call a service (apps/server/src/services).',
        },
        {
          selector: 'TSEnumDeclaration',
          message: 'Use an `as const` object and a type of the same name (STYLE.md).',
        },
      ],
    },
  },
  {
    files: ['apps/server/src/storage/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // field app: Dexie lives only in the storage layer.
    files: ['apps/field/**/*.ts', 'apps/field/**/*.tsx'],
    ignores: ['apps/field/src/storage/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie-*'],
              message: 'Only apps/field/src/storage may import Dexie (STYLE.md).',
            },
            {
              group: ['@jigi/server', '**/apps/server/**'],
              message: 'apps never import each other.',
            },
          ],
        },
      ],
    },
  },
  {
    // console (apps/console): online-first, no local store; it reads the API through the contract.
    files: ['apps/console/**/*.ts', 'apps/console/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie-*'],
              message: 'The console keeps nothing on the device (apps/console/README.md).',
            },
            {
              group: ['@jigi/server', '@jigi/field', '**/apps/server/**', '**/apps/field/**'],
              message: 'apps never import each other.',
            },
          ],
        },
      ],
    },
  },
  {
    // field storage: reads and writes. The sync engine (src/sync) decides and calls it, never the
    // reverse (apps/field/src/sync/README.md); the decisions it applies come from packages/sync.
    files: ['apps/field/src/storage/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+sync(/.*)?$',
              message:
                'apps/field/src/storage never imports src/sync: the engine calls storage (apps/field/src/sync/README.md).',
            },
            {
              group: ['@jigi/server', '**/apps/server/**'],
              message: 'apps never import each other.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'e2e/**/*.ts',
      'scripts/**/*.ts',
      '**/bench/**/*.ts',
      '**/vite.config.ts',
      '**/vitest.config.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
);
