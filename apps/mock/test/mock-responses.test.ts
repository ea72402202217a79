import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import {
  JSON_HEADERS,
  PROJECT_ID,
  TOKEN,
  json,
  startTinyMock,
  validQuotaOrder,
} from './helpers.js';

describe('answers to valid requests (static mode)', () => {
  let mock: RunningMock;
  let orders: string;
  beforeAll(async () => {
    mock = await startTinyMock();
    orders = `${mock.urls.hss}/v5/${PROJECT_ID}/quotas/orders`;
  });
  afterAll(() => mock.close());

  const post = (headers: Record<string, string> = {}) =>
    fetch(orders, {
      method: 'POST',
      headers: { ...JSON_HEADERS, ...headers },
      body: JSON.stringify(validQuotaOrder),
    });

  it('returns the first example, with a fresh X-Request-Id', async () => {
    const [first, second] = await Promise.all([post(), post()]);
    expect(first.status).toBe(200);
    expect(await json(first)).toEqual({ order_id: 'CS2601010000ABCDE' });
    expect(first.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });

  it('picks another example with Prefer: example=…', async () => {
    const response = await post({ prefer: 'example=yearly' });
    expect(await json(response)).toEqual({ order_id: 'CS2601010000YEARS' });
  });

  it('picks another response with Prefer: code=…', async () => {
    const response = await post({ prefer: 'code=400' });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({
      error_code: 'HSS.0001',
      error_msg: 'invalid parameter',
    });
  });

  it('serves GET operations with their query parameters', async () => {
    const response = await fetch(
      `${mock.urls.hss}/v5/${PROJECT_ID}/billing/quotas?version=hss.version.basic`,
      { headers: TOKEN },
    );
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({
      data_list: [{ version: 'hss.version.basic', total_num: 3 }],
    });
  });

  it('answers an unknown API like the gateway (404 APIG.0101)', async () => {
    const response = await fetch(`${mock.urls.hss}/v9/nothing`, { headers: TOKEN });
    expect(response.status).toBe(404);
    const body = await json(response);
    expect(body).toMatchObject({ error_code: 'APIG.0101' });
    expect(body['request_id']).toBe(response.headers.get('x-request-id'));
  });
});

describe('dynamic mode', () => {
  const quotas = (mock: RunningMock, headers: Record<string, string> = {}) =>
    fetch(`${mock.urls.hss}/v5/${PROJECT_ID}/billing/quotas`, {
      headers: { ...TOKEN, ...headers },
    }).then((r) => r.text());

  it('is repeatable with a seed, across requests and restarts, and stays small and within the schema', async () => {
    const first = await startTinyMock({ dynamic: true, seed: 42 });
    const a = await quotas(first);
    const b = await quotas(first);
    await first.close();
    const second = await startTinyMock({ dynamic: true, seed: 42 });
    const c = await quotas(second);
    const otherSeed = await quotas(second, { prefer: 'dynamic=true, seed=7' });
    await second.close();

    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(otherSeed).not.toBe(a);
    const body = JSON.parse(a) as { data_list: Array<Record<string, unknown>> };
    expect(a.length).toBeLessThan(2_000);
    expect(body.data_list.length).toBeLessThanOrEqual(3);
    for (const item of body.data_list) {
      expect(Object.keys(item).every((k) => k === 'version' || k === 'total_num')).toBe(true);
    }
    // x-faker values come from faker, which the mock loads lazily on first use.
    const generated = await startTinyMock({ dynamic: true });
    const orderIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const order = await fetch(`${generated.urls.hss}/v5/${PROJECT_ID}/quotas/orders`, {
        method: 'POST',
        headers: { ...TOKEN, 'content-type': 'application/json' },
        body: JSON.stringify({
          resource_spec_code: 'hss.version.basic',
          period_type: 2,
          period_num: 1,
          subscription_num: 1,
        }),
      }).then((r) => r.json() as Promise<{ order_id: string }>);
      orderIds.push(order.order_id);
    }
    await generated.close();
    // One faker lorem word each (json-schema-faker's own strings are several words).
    for (const id of orderIds) expect(id).toMatch(/^[a-z]+$/);
    // Not the static example: the body was generated.
    expect(a).not.toBe(
      JSON.stringify({ data_list: [{ version: 'hss.version.basic', total_num: 3 }] }),
    );
  });
});
