// ESLint (flat config) with typescript-eslint. Formatting belongs to prettier (.prettierrc.json):
// eslint-config-prettier turns off every rule that would argue with it. `npm run lint` checks, `npm run format` fixes.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Node's globals that plain JavaScript files (jest configuration and reporter, fixtures) use. */
const NODE_GLOBALS = { console: 'readonly', process: 'readonly', __dirname: 'readonly', __filename: 'readonly', Buffer: 'readonly' };

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'cdktf.out/', 'coverage/', '.tmp/', '.pipeline/', 'modules/', '__tests__/triggers/fixtures/broken.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      // House rule: lines <= 150 characters. Prettier wraps code at 150; this catches what it cannot wrap
      // (comments, long expressions). A problem's message stays one string, so that the text a user received
      // can be found in the source with grep: strings and template literals are exempt.
      // eslint-config-prettier turns max-len off, so it is set after it.
      'max-len': ['error', { code: 150, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true }],
      // A leading underscore marks a value discarded on purpose, e.g. `const { name: _name, ...rest } = values`
      // to drop a key: the codebase uses that idiom, and tsc's noUnusedLocals checks the rest.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: NODE_GLOBALS },
    // CommonJS files (jest.config.js, the jest reporter, zip fixtures): require() is how they import.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['__tests__/**/*.ts'],
    rules: {
      // Tests read `terraform show -json` plans and synthesized JSON, which have no TypeScript types.
      '@typescript-eslint/no-explicit-any': 'off',
      // Handler tests require() a fresh copy of a module after setting its environment variables.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
