import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type Plugin } from 'vitest/config';
import base from './vitest.config.js';

// Stryker mutates src/, but the tests import the build (dist/), as a user would. For a mutation
// run every import of core's build, including the conditional `#fetch`/`#crypto` ones, resolves
// to the matching source file instead, so each mutant is what the tests exercise.
const coreRoot = fileURLToPath(new URL('./', import.meta.url));
const dist = `${coreRoot}dist/`;
const src = `${coreRoot}src/`;

const buildToSource: Plugin = {
  name: 'hwsec-core-build-to-source',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (!resolved || !resolved.id.startsWith(dist) || !resolved.id.endsWith('.js')) return resolved;
    return { ...resolved, id: src + resolved.id.slice(dist.length, -'.js'.length) + '.ts' };
  },
};

export default mergeConfig(base, {
  plugins: [buildToSource],
  test: {
    // Runs in Chromium: the mutants Stryker switches live in this Node process only.
    exclude: ['test/browser.test.ts'],
    env: { HWSEC_CORE_FROM_SOURCE: '1', HWSEC_FAULT_ORDERS: '204' },
  },
});
