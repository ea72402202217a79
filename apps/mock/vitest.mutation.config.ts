import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// For `pnpm mutation` (stryker.config.mjs): the tests that Stryker repeats for every mutant they
// cover ask for fewer random runs. Everything else is the normal test configuration.
export default mergeConfig(base, defineConfig({ test: { env: { HWSEC_MODEL_RUNS: '15' } } }));
