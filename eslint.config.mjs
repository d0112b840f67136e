// ESLint (flat config) with type-aware typescript-eslint: floating promises are errors.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/out/**', 'dist/**', 'node_modules/**', '.cache/**', 'bench/**', 'test/**', 'scripts/**', 'bin/**', 'examples/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['client/src/**/*.ts', 'server/src/**/*.ts'],
    languageOptions: { parserOptions: { project: ['./server/tsconfig.json', './client/tsconfig.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
