// Lint rules: typescript-eslint's recommended set, plus the layering rule that keeps each
// src/ layer importing only from the layers below it (see README "Code layout").
import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

const layers = [
  'util',
  'errors',
  'config',
  'transport',
  'discovery',
  'resources',
  'printers',
  'runtime',
  'dashboard',
  'commands',
  'cli',
];

function layerPatterns(layer) {
  const above = layers.slice(layers.indexOf(layer) + 1);
  return above.map((l) => ({
    group: [`**/${l}/**`, `../${l}/*`, `../../${l}/*`],
    message: `src/${layer} must not import from src/${l} (a higher layer).`,
  }));
}

function layerRule(layer) {
  return {
    files: [`src/${layer}/**/*.ts`, `src/${layer}/**/*.tsx`],
    rules: { 'no-restricted-imports': ['error', { patterns: layerPatterns(layer) }] },
  };
}

// Verb folders (src/commands/<verb>) never import each other: what two verbs share lives in a
// layer below (runtime, printers, resources). The shared help rendering in commands/help is
// the one exception.
const verbs = readdirSync(new URL('./src/commands', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'help')
  .map((entry) => entry.name);

function verbRule(verb) {
  const others = verbs.filter((v) => v !== verb);
  return {
    files: [`src/commands/${verb}/**/*.ts`, `src/commands/${verb}/**/*.tsx`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...layerPatterns('commands'),
            ...others.map((other) => ({
              group: [`../${other}/*`, `../${other}/**`],
              message: `src/commands/${verb} must not import from src/commands/${other} (verb folders are independent; shared code goes in a lower layer).`,
            })),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cluster/**', 'completions/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-checked rules: a promise nobody awaits loses its rejection (an unhandled error
    // instead of kubectl's message and exit code), one passed where a void callback is
    // expected does the same, and awaiting a non-promise hides a missing async call.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's test() returns a promise the runner itself awaits.
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-process-exit': 'off',
    },
  },
  ...layers.filter((l) => l !== 'cli').map(layerRule),
  ...verbs.map(verbRule),
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'Only src/cli exits the process.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
