import { fileURLToPath } from 'node:url';
import { apiIds } from '@hwsec/spec';
import { createAkSkSigner, formatSdkDate } from '@hwsec/core';
import { startMock, TEST_CREDENTIALS, type MockOptions, type RunningMock } from '../src/index.js';

export const TINY_SPEC = fileURLToPath(new URL('./fixtures/tiny.yaml', import.meta.url));
export const PROJECT_ID = '0123456789abcdef0123456789abcdef';
export const TOKEN = { 'x-auth-token': 'test-token' } as const;
export const JSON_HEADERS = { ...TOKEN, 'content-type': 'application/json' } as const;
export const [TEST_KEY] = TEST_CREDENTIALS as [{ accessKey: string; secretKey: string }];

/** A free port for every registered API (none left on its default port, which may be taken). */
export function freePorts(): Record<string, number> {
  return Object.fromEntries(apiIds().map((id) => [id, 0]));
}

/** Every service on a free port, HSS, DSC and SecMaster serving the tiny fixture spec. */
export function startTinyMock(options: MockOptions = {}): Promise<RunningMock> {
  return startMock({
    ports: freePorts(),
    specs: { hss: TINY_SPEC, dsc: TINY_SPEC, secmaster: TINY_SPEC },
    ...options,
  });
}

export const validQuotaOrder = {
  resource_spec_code: 'hss.version.enterprise',
  period_type: 2,
  period_num: 1,
  subscription_num: 1,
};

export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

/** Signs like a client of this project would, then sends with fetch. */
export async function signedFetch(
  url: string,
  init: {
    method: string;
    headers?: Record<string, string>;
    body?: string;
    date?: Date;
    secretKey?: string;
  },
): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'X-Sdk-Date': formatSdkDate(init.date ?? new Date()),
    ...init.headers,
  };
  const signer = createAkSkSigner({
    accessKey: TEST_KEY.accessKey,
    secretKey: init.secretKey ?? TEST_KEY.secretKey,
  });
  const authorization = await signer.sign({
    method: init.method,
    url: new URL(url).href,
    headers,
    body: init.body,
  });
  return fetch(url, {
    method: init.method,
    headers: { ...headers, Authorization: authorization },
    body: init.body,
  });
}
