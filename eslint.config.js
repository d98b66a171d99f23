import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node's built-in modules, importable without the node: prefix. */
const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'querystring',
  'readline',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

/** src/core runs in the panel, a Worker, Node and tests: it must not reach for any host API. */
const corePurity = {
  files: ['src/core/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        // Bare built-in names as exact paths: a pattern "http" would also match "./http".
        paths: [
          ...NODE_BUILTINS,
          'fs/promises',
          'stream/web',
          'path/posix',
          'util/types',
          'timers/promises',
        ].map((name) => ({ name, message: 'src/core is pure: no Node built-ins.' })),
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core is pure: no React.' },
          { group: ['zustand', 'zustand/*'], message: 'src/core is pure: no zustand.' },
          {
            group: ['**/adapters/**', '**/surfaces/**', '**/ui/**', '**/state/**', '**/messaging/**'],
            message: 'src/core must not depend on outer layers.',
          },
          { group: ['node:*'], message: 'src/core is pure: no Node built-ins.' },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'chrome', message: 'src/core is pure: chrome.* belongs in src/adapters/chrome.' },
      { name: 'window', message: 'src/core is pure: no DOM.' },
      { name: 'document', message: 'src/core is pure: no DOM.' },
      { name: 'localStorage', message: 'src/core is pure: no DOM.' },
      { name: 'navigator', message: 'src/core is pure: no DOM.' },
      ...['Buffer', 'process', 'require', 'module', 'global', '__dirname', '__filename', 'setImmediate'].map(
        (name) => ({
          name,
          message: 'src/core is pure: no Node globals (it also runs in the panel and a Worker).',
        }),
      ),
    ],
  },
};

/** chrome.* only in the chrome adapters; fakes only in tests. */
const chromeBoundary = {
  files: ['src/**/*.{ts,tsx}'],
  ignores: ['src/adapters/chrome/**'],
  rules: {
    'no-restricted-globals': [
      'error',
      { name: 'chrome', message: 'Use a port from src/adapters; chrome.* lives in src/adapters/chrome.' },
    ],
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/adapters/memory/**', '**/adapters/memory'],
            message: 'In-memory fakes are for tests only.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never render response data as HTML.',
        },
      ],
    },
  },
  chromeBoundary,
  corePurity,
);
