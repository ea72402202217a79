// Provider contract. The suite (src/provider-suite.ts) sends the documented requests through the
// mock's validating proxy and reports every response that breaks the spec. Here it proves itself
// against a fake upstream that breaks one response; with HWSEC_PROVIDER_* set (see README) it also
// runs against the real endpoint, which must then answer 200 and conform everywhere.
import { startMock, type RunningMock } from '@hwsec/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAkSkSigner } from '@hwsec/core';
import { startFakeUpstream, type FakeUpstream } from '../src/fake-upstream.js';
import { allOperations, successOf } from '../src/operation-model.js';
import { readProviderConfig } from '../src/provider-config.js';
import { runProviderSuite, type ProviderFinding } from '../src/provider-suite.js';
import { apiIds } from '@hwsec/spec';

const operations = allOperations();
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
// The planted break: SecMaster's order_status is an enum of 1 and 5.
const BROKEN = {
  operationId: 'UpdateSubscriptionOrder',
  body: { order_id: 'CS2510212051NLDL4', order_status: 3 },
};
const TEST_KEYS = {
  accessKey: 'AKTESTEXAMPLE0000000',
  secretKey: 'SKtestexample0000000000000000000000000000',
};

type Upstreams = NonNullable<NonNullable<Parameters<typeof startMock>[0]>['proxy']>;

async function proxyTo(upstreams: Upstreams): Promise<RunningMock> {
  return startMock({ ports: Object.fromEntries(apiIds().map((id) => [id, 0])), proxy: upstreams });
}

/** Every API of the registry behind the one fake upstream. */
const allTo = (url: string): Upstreams =>
  Object.fromEntries(apiIds().map((id) => [id, url])) as Upstreams;

describe('provider contract against a local fake upstream that breaks one response', () => {
  let upstream: FakeUpstream;
  let proxy: RunningMock;
  beforeAll(async () => {
    upstream = await startFakeUpstream(operations, { [BROKEN.operationId]: BROKEN.body });
    proxy = await proxyTo(allTo(upstream.url));
  });
  afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
  });

  const run = (auth: Parameters<typeof runProviderSuite>[1]['auth']): Promise<ProviderFinding[]> =>
    runProviderSuite(operations, {
      proxyUrls: proxy.urls,
      upstreamUrls: allTo(upstream.url),
      auth,
      projectId: PROJECT_ID,
      allowOrders: true, // the fake upstream creates no orders
    });

  it('reports the broken response, naming the field and rule, and nothing else', async () => {
    const findings = await run({ kind: 'token', token: 'contract-test-token' });
    const reported = findings.filter((f) => f.problems.length > 0);
    console.log(
      `[contract] provider (fake upstream): ${findings.length} exchanges, ${reported.length} reported:\n  ${reported.map((f) => `${f.operationId}/${f.example}: ${f.problems.join('; ')}`).join('\n  ')}`,
    );
    expect(findings.length).toBeGreaterThanOrEqual(operations.length);
    expect(reported.map((f) => f.operationId)).toEqual(
      Array(reported.length).fill(BROKEN.operationId),
    );
    expect(reported.length).toBe(
      findings.filter((f) => f.operationId === BROKEN.operationId).length,
    );
    for (const finding of reported)
      expect(finding.problems.join('; ')).toMatch(/response\.body\.order_status \(enum\)/);
    for (const finding of findings.filter((f) => f.operationId !== BROKEN.operationId)) {
      const operation = operations.find((o) => o.operationId === finding.operationId)!;
      expect(finding.status).toBe(successOf(operation).status);
    }
  });

  it('forwards AK/SK requests with a signature that verifies for the upstream host', async () => {
    upstream.received.length = 0;
    await run({ kind: 'aksk', ...TEST_KEYS });
    expect(upstream.received.length).toBeGreaterThan(0);
    const signer = createAkSkSigner(TEST_KEYS);
    for (const received of upstream.received) {
      const authorization = String(received.headers['authorization']);
      const signedNames = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
      expect(signedNames).toContain('host');
      const headers: Record<string, string> = {};
      for (const name of signedNames) headers[name] = String(received.headers[name]);
      const recomputed = await signer.sign({
        method: received.method,
        url: new URL(received.target, upstream.url).href,
        headers,
        body: received.body === '' ? undefined : received.body,
      });
      expect(recomputed).toBe(authorization);
    }
  });

  it('never forwards orders when orders are not allowed', async () => {
    upstream.received.length = 0;
    await runProviderSuite(operations, {
      proxyUrls: proxy.urls,
      upstreamUrls: allTo(upstream.url),
      auth: { kind: 'token', token: 'contract-test-token' },
      projectId: PROJECT_ID,
      allowOrders: false,
    });
    // Only the reads (one request each) reach the upstream.
    expect(upstream.received.map((r) => r.method)).toEqual(
      operations.filter((o) => o.method === 'get').map(() => 'GET'),
    );
  });
});

const real = readProviderConfig(process.env);
if (real) {
  describe(`provider contract against the real endpoint(s) ${JSON.stringify(real.baseUrls)}`, () => {
    let proxy: RunningMock;
    beforeAll(async () => {
      proxy = await proxyTo(real.baseUrls);
    });
    afterAll(async () => proxy?.close());

    it(`answers every ${real.allowOrders ? '' : 'read '}request with 200 and a body that conforms to the spec`, async () => {
      const findings = await runProviderSuite(operations, {
        ...real,
        proxyUrls: proxy.urls,
        upstreamUrls: real.baseUrls,
      });
      console.log(
        `[contract] provider (real): ${JSON.stringify(findings.map(({ operationId, example, status, problems }) => ({ operationId, example, status, problems })))}`,
      );
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.filter((f) => f.status !== 200 || f.problems.length > 0)).toEqual([]);
    });
  });
}
