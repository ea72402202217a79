// Mutation testing of core (`pnpm mutation`, see README "Mutation testing"). Stryker changes one
// thing in src/ at a time (a condition, an operator, a string) and runs the tests that cover it;
// a mutant no test notices is a behaviour nothing checks.
/**
 * The areas `scripts/mutation-score.mjs` scores after each run. The five with a floor are where
 * a surviving mutant means money or a secret at risk (the safety promise of the README).
 */
export const scoreAreas = {
  signer: { floor: 90, files: ['src/signer/', 'src/crypto/'] },
  retry: { floor: 90, files: ['src/retry.ts'] },
  transport: {
    floor: 90,
    files: ['src/transport.ts', 'src/send-attempt.ts', 'src/read-response.ts', 'src/fetch/'],
  },
  redaction: { floor: 90, files: ['src/redact.ts'] },
  errors: {
    floor: 90,
    files: ['src/errors.ts', 'src/service-api-error.ts', 'src/never-sent.ts', 'src/unwrap.ts'],
  },
  'configuration and input': {
    files: [
      'src/client-config.ts',
      'src/option-checks.ts',
      'src/input-checks.ts',
      'src/config-error.ts',
      'src/credentials.ts',
      'src/endpoint.ts',
    ],
  },
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: ['src/**/*.ts', '!src/**/types.ts', '!src/operation-types.ts'],
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  // Most of a worker's time goes to waiting out mutants that make a call hang (each then
  // restarts its worker), so four workers keep two cores busy.
  concurrency: 4,
  timeoutMS: 3_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
