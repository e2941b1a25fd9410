// Lint: typescript-eslint's recommended rules, plus the project's own: no floating promises in
// services, no `any` in domain code, and no focused or skipped tests. apps/web adds the React hooks
// rules and the feature boundary (features never import each other).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import path from 'node:path';
import tseslint from 'typescript-eslint';

const FEATURES = path.join(import.meta.dirname, 'apps', 'web', 'src', 'features');

/** bulletproof-react's rule: a feature imports shared code (components/, lib/, api/, app/), never another feature. */
const featureBoundary = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const own = (file) => path.relative(FEATURES, file).split(path.sep)[0];
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string') return;
      const file = context.filename;
      if (path.relative(FEATURES, file).startsWith('..')) return;
      const target = spec.startsWith('@web/') ? path.join(FEATURES, '..', spec.slice(5)) : spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null;
      if (!target) return;
      const rel = path.relative(FEATURES, target);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return;
      const targetFeature = rel.split(path.sep)[0];
      if (targetFeature !== own(file)) {
        context.report({ node, message: `features/${own(file)} imports features/${targetFeature}: features never import each other; move the shared part to components/ or lib/` });
      }
    };
    return { ImportDeclaration: check, ImportExpression: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'apps/web/dist/**', 'apps/web/vite.config.mts', 'apps/web/src/api/schema.d.ts', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'A focused test silently skips the rest of the suite.' },
        { object: 'describe', property: 'only', message: 'A focused test silently skips the rest of the suite.' },
        { object: 'it', property: 'skip', message: 'No skipped tests are left behind.' },
        { object: 'describe', property: 'skip', message: 'No skipped tests are left behind.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='parseFloat']", message: 'Money, area and ratios are Decimal, never floats.' },
      ],
      'no-restricted-imports': [
        'error',
        { name: 'class-validator', importNames: ['IsBase64', 'isBase64'], message: 'Its pattern backtracks and can overflow the stack on a large upload (a 500): use IsBase64Text / isPaddedBase64 from @app/common.' },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, land: { rules: { 'feature-boundary': featureBoundary } } },
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'land/feature-boundary': 'error',
      // A price is never a JS number in the browser either.
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='parseFloat']", message: 'Money, area and ratios are Decimal, never floats.' },
        { selector: "CallExpression[callee.name='Number'][arguments.0.property.name=/[Pp]rice|amount|[Dd]eposit|[Ii]ncrement/]", message: 'A price stays a string and a Decimal: use lib/money.' },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.spec.{ts,tsx}', 'apps/web/src/test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
