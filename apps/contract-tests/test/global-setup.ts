// Starts the real mock (every registered API, AK/SK signatures verified) on ephemeral ports of
// 127.0.0.1 before any test file runs, hands the base URLs to the tests, and stops it afterwards.
import { startMock } from '@hwsec/mock';
import { apiIds } from '@hwsec/spec';
import type { TestProject } from 'vitest/node';
import type { ApiName } from '../src/operation-model.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrls: Record<ApiName, string>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const ids = apiIds();
  const mock = await startMock({
    ports: Object.fromEntries(ids.map((id) => [id, 0])),
    verifySignatures: true,
  });
  const urls: Record<ApiName, string> = {};
  for (const id of ids) {
    const url = mock.urls[id];
    if (!url) {
      await mock.close();
      throw new Error(`the mock did not start every API: ${JSON.stringify(mock.urls)}`);
    }
    urls[id] = url;
  }
  project.provide('mockUrls', urls);
  return () => mock.close();
}
