// The dependency rule, enforced (docs/ARCHITECTURE.md): a feature uses another only through its
// public index.ts, never its store or any other file; platform/ and shared/ never import features.
// Folder cycles are checked by test/architecture.test.ts; test/lint-boundaries.test.ts shows that
// a violation fails the lint.
const featureMessage =
  'A feature uses another through its public index.ts (import "../<feature>/index.js"), never its other files.';
const layerMessage = 'platform/ and shared/ are below features: they never import from features/.';

export default [
  {
    files: ['src/features/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // `../<feature>/<file>` other than index.js (a feature folder's files sit one level down).
            { regex: '^\\.\\./(?!\\.\\./)[^/]+/(?!index\\.js$)', message: featureMessage },
          ],
        },
      ],
    },
  },
  {
    files: ['src/platform/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)features(/|$)', message: layerMessage }] },
      ],
    },
  },
  {
    // The registry of features (features/index.ts) mounts each through its index too.
    files: ['src/features/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\./[^/]+/(?!index\\.js$)', message: featureMessage }] },
      ],
    },
  },
  {
    // The server's entry points (app, CLI, demo) also see features through their index.
    files: ['src/*.ts', 'src/cli/**/*.ts', 'src/demo/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)features/[^/]+/(?!index\\.js$)', message: featureMessage },
          ],
        },
      ],
    },
  },
];
