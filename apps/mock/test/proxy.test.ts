import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIOLATIONS_HEADER, type RunningMock } from '../src/index.js';
import { JSON_HEADERS, PROJECT_ID, json, startTinyMock, validQuotaOrder } from './helpers.js';

/** A stand-in for the real HSS: answers what the test tells it to through `x-upstream-answer`. */
function startUpstream(
  seen: Array<{ method: string; url: string; body: string; headers: IncomingMessage['headers'] }>,
) {
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    seen.push({
      method: request.method ?? '',
      url: request.url ?? '',
      body,
      headers: request.headers,
    });
    const answer =
      request.headers['x-upstream-answer'] === 'broken'
        ? { order_id: 12345 }
        : { order_id: 'CSUPSTREAM0001' };
    response.writeHead(200, {
      'content-type': 'application/json',
      'x-request-id': 'upstream-request-id',
    });
    response.end(JSON.stringify(answer));
  });
  return new Promise<Server>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('validating proxy mode', () => {
  const seen: Array<{
    method: string;
    url: string;
    body: string;
    headers: IncomingMessage['headers'];
  }> = [];
  let upstream: Server;
  let mock: RunningMock;
  let orders: string;
  beforeAll(async () => {
    upstream = await startUpstream(seen);
    const address = upstream.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    mock = await startTinyMock({ proxy: { hss: `http://127.0.0.1:${port}` } });
    orders = `${mock.urls.hss}/v5/${PROJECT_ID}/quotas/orders?enterprise_project_id=0`;
  });
  afterAll(async () => {
    await mock.close();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('forwards a valid request and passes a valid answer through', async () => {
    seen.length = 0;
    const body = JSON.stringify(validQuotaOrder);
    const response = await fetch(orders, { method: 'POST', headers: JSON_HEADERS, body });
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ order_id: 'CSUPSTREAM0001' });
    expect(response.headers.get('x-request-id')).toBe('upstream-request-id');
    expect(response.headers.get(VIOLATIONS_HEADER)).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: `/v5/${PROJECT_ID}/quotas/orders?enterprise_project_id=0`,
      body,
    });
    expect(seen[0]!.headers['x-auth-token']).toBe('test-token');
  });

  it('flags an answer that breaks the spec (Prism proxy --errors): 500 VIOLATIONS naming the field', async () => {
    const response = await fetch(orders, {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'x-upstream-answer': 'broken' },
      body: JSON.stringify(validQuotaOrder),
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await json(response);
    expect(problem['type']).toBe('https://stoplight.io/prism/errors#VIOLATIONS');
    expect(problem['validation']).toContainEqual(
      expect.objectContaining({
        location: ['response', 'body', 'order_id'],
        code: 'type',
        severity: 'Error',
      }),
    );
    expect(response.headers.get(VIOLATIONS_HEADER)).toContain('order_id');
  });

  it('does not forward an invalid request (no real order for a broken body) and words it as the service', async () => {
    seen.length = 0;
    const response = await fetch(orders, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ period_num: 0 }),
    });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body['error_code']).toBe('HSS.0001');
    expect(String(body['error_msg'])).toContain('body.period_num (minimum): must be >= 1');
    expect(String(body['error_msg'])).toContain('body.resource_spec_code (required): is required');
    expect(seen).toHaveLength(0);
  });

  it('other services keep mocking', async () => {
    const response = await fetch(`${mock.urls.dsc}/v5/${PROJECT_ID}/quotas/orders`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(validQuotaOrder),
    });
    expect(await json(response)).toEqual({ order_id: 'CS2601010000ABCDE' });
  });
});
