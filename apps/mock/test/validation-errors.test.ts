import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIOLATIONS_HEADER, type RunningMock } from '../src/index.js';
import { JSON_HEADERS, PROJECT_ID, TOKEN, json, startTinyMock } from './helpers.js';

describe('invalid requests get the service’s own 400', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startTinyMock();
  });
  afterAll(() => mock.close());

  const post = (base: string | undefined, path: string, body: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: JSON_HEADERS, body });

  it('HSS: HSS.0001 naming every violated field and rule', async () => {
    const response = await post(
      mock.urls.hss,
      `/v5/${PROJECT_ID}/quotas/orders?enterprise_project_id=${'x'.repeat(40)}`,
      JSON.stringify({
        resource_spec_code: 'hss.version.gold',
        period_type: 5,
        period_num: 0,
        subscription_num: 'one',
      }),
    );
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body['error_code']).toBe('HSS.0001');
    const message = String(body['error_msg']);
    expect(message.startsWith('invalid parameter: ')).toBe(true);
    expect(message).toContain(
      'body.resource_spec_code (enum): must be equal to one of the allowed values: hss.version.basic, hss.version.enterprise',
    );
    expect(message).toContain('body.period_type (enum)');
    expect(message).toContain('body.period_num (minimum): must be >= 1');
    expect(message).toContain('body.subscription_num (type): must be integer');
    expect(message).toContain(
      'query.enterprise_project_id (maxLength): must NOT have more than 36 characters',
    );
    const raw = JSON.parse(response.headers.get(VIOLATIONS_HEADER) ?? '[]') as Array<{
      location: string[];
      code: string;
    }>;
    expect(raw).toContainEqual(
      expect.objectContaining({ location: ['request', 'body', 'period_num'], code: 'minimum' }),
    );
    expect(raw).toHaveLength(5);
  });

  it('DSC: dsc.40000011 with nested array paths, missing fields and path parameters', async () => {
    const response = await post(
      mock.urls.dsc,
      `/v1/${PROJECT_ID.toUpperCase()}/period/order`,
      JSON.stringify({
        product_infos: [
          { id: 'a' },
          { id: 'b', resource_spec_code: 'base_gold', resource_size: 0 },
        ],
      }),
    );
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body['error_code']).toBe('dsc.40000011');
    const message = String(body['error_msg']);
    expect(message.startsWith('Invalid parameter: ')).toBe(true);
    for (const expected of [
      'body.region_id (required): is required',
      'body.product_infos[0].resource_spec_code (required): is required',
      'body.product_infos[1].resource_spec_code (enum)',
      'body.product_infos[1].resource_size (minimum): must be >= 1',
      'path.project_id (pattern): must match pattern "^[0-9a-f]{32}$"',
    ]) {
      expect(message).toContain(expected);
    }
  });

  it('SecMaster: its own code, also for a missing body and a wrong content type', async () => {
    const missing = await fetch(`${mock.urls.secmaster}/v1/${PROJECT_ID}/period/order`, {
      method: 'POST',
      headers: TOKEN,
    });
    expect(missing.status).toBe(400);
    expect(await json(missing)).toEqual({
      error_code: 'SecMaster.00010001',
      error_msg: 'Request parameter error: body (required): is required',
    });

    const text = await fetch(`${mock.urls.secmaster}/v1/${PROJECT_ID}/period/order`, {
      method: 'POST',
      headers: { ...TOKEN, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(400);
    expect(String((await json(text))['error_msg'])).toContain('header.content-type (content-type)');
  });

  it('a body that is not JSON: HSS.0002 "failed to parse request"', async () => {
    const response = await post(
      mock.urls.hss,
      `/v5/${PROJECT_ID}/quotas/orders`,
      '{"resource_spec_code":',
    );
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body['error_code']).toBe('HSS.0002');
    expect(String(body['error_msg'])).toMatch(/^failed to parse request: body \(json\): /);
  });

  it('invalid query parameters of a GET', async () => {
    const response = await fetch(
      `${mock.urls.hss}/v5/${PROJECT_ID}/billing/quotas?version=hss.version.gold`,
      { headers: TOKEN },
    );
    expect(response.status).toBe(400);
    expect(String((await json(response))['error_msg'])).toBe(
      'invalid parameter: query.version (enum): must be equal to one of the allowed values: hss.version.basic, hss.version.enterprise',
    );
  });
});
