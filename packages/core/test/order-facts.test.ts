// An order call that may have been placed carries, on its error, what finding the order again
// needs (`error.order`): the service, operation, region, project, send time and the body fields
// the spec's x-hwsec-order names, and nothing else (no header, no secret). Real sockets.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createServiceClient,
  HwsecApiError,
  HwsecNetworkError,
  unwrap,
  type OrderAttempt,
} from '../dist/index.js';
import { hangUp, json, startServer } from '@hwsec/test-support/http-server';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';
import { testOperations, testServers, type TestPaths } from './support/test-service.js';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const operations = {
  ...testOperations,
  CreateQuotasOrder: {
    ...testOperations.CreateQuotasOrder,
    order: {
      serviceType: 'hws.service.type.hss',
      orderTypes: [1],
      facts: { resource_spec_code: null, period_num: 'period_num' },
    },
  },
  UpdateSubscriptionOrder: {
    ...testOperations.UpdateSubscriptionOrder,
    order: {
      serviceType: 'hws.service.type.sa',
      onlyWhen: { scene: 'PREPAID' },
      facts: { 'product_list[].resource_size': null },
    },
  },
} as const;

const SENT_AT = new Date('2026-12-07T08:00:00.000Z');
const client = (credentials: { accessKey: string; secretKey: string } | { token: string }) =>
  createServiceClient<TestPaths, typeof operations>(
    {
      baseUrl: server!.baseUrl,
      region: 'cn-north-4',
      projectId: PROJECT,
      credentials,
      retry: false,
      clock: () => SENT_AT,
    },
    { id: 'hss', servers: testServers, operations },
  );
const body = { resource_spec_code: 'hss.version.enterprise', period_num: 1 };
const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Error & { order?: OrderAttempt; mayHaveBeenProcessed?: boolean };
  }
  throw new Error('the call did not fail');
};

describe('order facts on an ambiguous order failure', () => {
  it('a connection cut after sending: the error carries service, operation, where, when and the body facts', async () => {
    server = await startServer([hangUp]);
    const error = await failure(
      client({ accessKey: AK, secretKey: SK }).createQuotasOrder({ body }),
    );
    expect(error).toBeInstanceOf(HwsecNetworkError);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(error.order).toEqual({
      service: 'hss',
      operation: 'CreateQuotasOrder',
      region: 'cn-north-4',
      projectId: PROJECT,
      sentAt: '2026-12-07T08:00:00.000Z',
      facts: { resource_spec_code: 'hss.version.enterprise', period_num: 1 },
      record: operations.CreateQuotasOrder.order,
    });
  });

  it('a 5xx read through unwrap carries them too; a 4xx (refused, nothing placed) does not', async () => {
    server = await startServer([
      json(502, { error_code: 'APIG.0502', error_msg: 'bad gateway' }),
      json(400, { error_code: 'HSS.1001', error_msg: 'bad' }),
    ]);
    const hss = client({ token: 'IAM-TOKEN-0123456789' });
    const gateway = await failure((async () => unwrap(await hss.createQuotasOrder({ body })))());
    expect(gateway).toBeInstanceOf(HwsecApiError);
    expect(gateway.order?.facts).toEqual(body);
    const refused = await failure((async () => unwrap(await hss.createQuotasOrder({ body })))());
    expect(refused.mayHaveBeenProcessed).toBe(false);
    expect(refused.order).toBeUndefined();
  });

  it('array facts are lists; a request the record excludes (SecMaster POSTPAID) is no order', async () => {
    server = await startServer([hangUp]);
    const secmaster = client({ accessKey: AK, secretKey: SK });
    const product_list = [{ resource_size: 5 }, { resource_size: 7 }];
    const prepaid = await failure(
      secmaster.updateSubscriptionOrder({ body: { product_list, scene: 'PREPAID' } as never }),
    );
    expect(prepaid.order?.facts).toEqual({ 'product_list[].resource_size': [5, 7] });
    const postpaid = await failure(
      secmaster.updateSubscriptionOrder({ body: { product_list, scene: 'POSTPAID' } as never }),
    );
    expect(postpaid.mayHaveBeenProcessed).toBe(true);
    expect(postpaid.order).toBeUndefined();
  });

  it('never a secret: a credential that appears in a fact is redacted, and no header is kept', async () => {
    server = await startServer([hangUp]);
    const error = await failure(
      client({ accessKey: AK, secretKey: SK }).createQuotasOrder({
        body: { resource_spec_code: `x-${SK}`, period_num: 1 },
      }),
    );
    const text = JSON.stringify(error.order);
    expect(text).toContain('[REDACTED]');
    expect(text).not.toContain(SK);
    expect(text).not.toMatch(/authorization|x-sdk-date|x-auth-token/i);
  });
});
