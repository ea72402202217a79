// Mutation testing of the mock (`pnpm mutation`, see the root README "Mutation testing"). Stryker
// changes one thing in src/ at a time and runs the tests that cover it; a mutant no test notices
// is a behaviour nothing checks.
//
// Left out: the CLI and the load report, which tests run as child processes (a mutant is only
// switched on inside the test process), and type declarations.

/** The areas `scripts/mutation-score.mjs` scores after each run (no floor: reported). */
export const scoreAreas = {
  gateway: {
    files: [
      'src/auth-gate.ts',
      'src/aksk-verifier.ts',
      'src/signer.ts',
      'src/signature-lockout.ts',
      'src/received-request.ts',
      'src/request-body.ts',
    ],
  },
  'answers and errors': {
    files: [
      'src/service-handler.ts',
      'src/outcomes.ts',
      'src/error-bodies.ts',
      'src/prism-diagnostics.ts',
      'src/violations-header.ts',
    ],
  },
  'stateful simulation': { files: ['src/stateful/'] },
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/**/*.ts',
    '!src/**/*.d.ts',
    '!src/generated/**',
    '!src/cli.ts',
    '!src/load-check.ts',
    '!src/startup-and-load-report.ts',
  ],
  // Only the mutated files get `// @ts-nocheck`: a test compares the example file with the README.
  disableTypeChecks: 'src/**/*.ts',
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  concurrency: 2,
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
