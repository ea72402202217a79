// Starts the real mock (all three APIs, AK/SK signatures verified) on ephemeral ports of
// 127.0.0.1 before any test file runs, hands the base URLs to the tests, and stops it afterwards.
import { startMock } from '@hwsec/mock';
import type { TestProject } from 'vitest/node';
import type { ApiName } from '../src/bundles.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrls: Record<ApiName, string>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock({ ports: { hss: 0, dsc: 0, secmaster: 0 }, verifySignatures: true });
  const { hss, dsc, secmaster } = mock.urls;
  if (!hss || !dsc || !secmaster) {
    await mock.close();
    throw new Error(`the mock did not start every API: ${JSON.stringify(mock.urls)}`);
  }
  project.provide('mockUrls', { hss, dsc, secmaster });
  return () => mock.close();
}
