// ESLint for the TypeScript sources, tests and benches; Prettier formats (npm run lint runs both checks).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'src/web/assets/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // `_name` marks a parameter a signature needs and the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Non-null assertions mark what the code before has checked; the type checker cannot follow every check.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Minutes and requests are sanitised of control characters on purpose.
      'no-control-regex': 'off',
      // Prettier wraps code at 120; what it cannot wrap (a long string, pattern or URL) is allowed, nothing else.
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  {
    files: ['src/web/assets/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
