import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', '.cache/**', '.stack/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Nest injects through constructor parameter properties and decorates empty module classes.
      '@typescript-eslint/no-extraneous-class': 'off',
      // process.env is read in one place: libs/config (and by scripts and tests that start processes).
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through @plenary/config.' },
      ],
      // An app never imports another app: they share libs/ only.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/apps/**'], message: 'Apps share code only through libs/.' }] },
      ],
    },
  },
  {
    files: [
      'libs/config/src/**',
      'scripts/**',
      'tests/**',
      'bench/**',
      'examples/**',
      'infra/**',
      'apps/console/client/vite.config.ts',
      '**/*.spec.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The console's web client runs in the browser.
    files: ['apps/console/client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests and the config documentation script read an app's own files (its config class).
    files: ['tests/**', 'scripts/describe-config.ts', 'scripts/lib/service-env.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
