// Lint: typescript-eslint's recommended rules, and the folder graph the code keeps (docs/architecture.md):
// - model/ imports nothing of the project;
// - pure logic imports nothing of the browser side: no extension API, no storage, UI, page or messaging code;
// - nothing imports an entrypoint (entrypoints wire; they are imported by nobody);
// - the page side (page/) and the messages (messaging/) stay apart from storage and UI.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PURE = ['model', 'recognition', 'anchoring', 'study', 'taxonomy', 'exchange', 'annotator', 'agreement', 'indicators', 'reading', 'sync'];
const inFolders = (folders) => folders.map((f) => `${f}/**/*.{ts,tsx}`);

/** An import restriction: the folders named may not be imported, with why. */
const forbid = (folders, why) => ({
  group: folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]),
  message: why,
});
const browserModules = (why) => ({ group: ['wxt', 'wxt/**', 'dexie', 'preact', 'preact/**'], message: why });
// '#' would start a comment in a pattern: WXT's auto-import module is named exactly.
const wxtImports = (why) => ({ name: '#imports', message: why });

const ENTRYPOINTS = forbid(['entrypoints'], 'Entrypoints wire the extension; nothing imports them.');

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-imports': ['error', { patterns: [ENTRYPOINTS] }],
    },
  },
  {
    files: inFolders(['model']),
    rules: {
      'no-restricted-imports': ['error', {
        paths: [wxtImports('model/ is plain data.')],
        patterns: [{ group: ['../*', '../**'], message: 'model/ imports nothing of the project.' }, browserModules('model/ is plain data.')],
      }],
    },
  },
  {
    files: inFolders(PURE.filter((f) => f !== 'model')),
    rules: {
      'no-restricted-imports': ['error', {
        paths: [wxtImports('Pure logic uses no extension API.')],
        patterns: [
          ENTRYPOINTS,
          forbid(['storage', 'components', 'page', 'messaging', 'library', 'scripts'], 'Pure logic imports nothing of the browser side.'),
          browserModules('Pure logic uses no extension API, database or UI library.'),
        ],
      }],
      'no-restricted-globals': ['error', { name: 'browser', message: 'Pure logic uses no extension API.' }, { name: 'chrome', message: 'Pure logic uses no extension API.' }],
    },
  },
  {
    files: inFolders(['page', 'messaging']),
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [ENTRYPOINTS, forbid(['storage', 'components', 'library'], 'The page side and the messages stay apart from storage and UI.')],
      }],
    },
  },
  {
    files: inFolders(['storage', 'library', 'team']),
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [ENTRYPOINTS, forbid(['components', 'page'], 'Storage and the library’s logic know nothing of the UI or the page.')],
      }],
    },
  },
  {
    // Tests and scripts read whatever they check.
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
