// The mock fed the real bundles of @hwsec/spec: every operation answers each of its documented
// request examples with its documented response example, and rejects a broken request in the
// service's own words.
import { apiIds, listOperations, loadBundle } from '@hwsec/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock, type ServiceId } from '../src/index.js';
import { JSON_HEADERS, PROJECT_ID, json } from './helpers.js';

interface Operation {
  operationId: string;
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    example?: unknown;
    $ref?: string;
  }>;
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
  responses: Record<
    string,
    {
      content?: Record<
        string,
        { example?: unknown; examples?: Record<string, { value: unknown }> }
      >;
    }
  >;
}

const operations = apiIds().flatMap((service) =>
  listOperations(loadBundle(service)).map(({ path, method, operation }) => ({
    service: service as ServiceId,
    path,
    method,
    operation: operation as Operation,
  })),
);

function requiredHeaders(operation: Operation): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const p of operation.parameters ?? [])
    if (p.in === 'header' && p.required) headers[p.name] = String(p.example);
  return headers;
}

function firstExample(
  content: { example?: unknown; examples?: Record<string, { value: unknown }> } | undefined,
): unknown {
  return content?.example ?? Object.values(content?.examples ?? {})[0]?.value;
}

const INVALID_CODES: Record<string, string> = {
  hss: 'HSS.0001',
  dsc: 'dsc.40000011',
  secmaster: 'SecMaster.00010001',
};

describe('the real bundles', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ ports: Object.fromEntries(apiIds().map((id) => [id, 0])) });
  });
  afterAll(() => mock.close());

  it('has the four operations', () => {
    expect(operations.map((o) => o.operation.operationId).sort()).toEqual(
      [
        'CreateProductOrder',
        'CreateQuotasOrder',
        'ShowResourceQuotas',
        'UpdateSubscriptionOrder',
      ].sort(),
    );
  });

  for (const { service, path, method, operation } of operations) {
    const url = () => `${mock.urls[service]}${path.replace('{project_id}', PROJECT_ID)}`;
    const requestExamples = Object.entries(
      operation.requestBody?.content['application/json']?.examples ?? {},
    );
    const cases =
      requestExamples.length > 0
        ? requestExamples.map(([name, e]) => [name, JSON.stringify(e.value)] as const)
        : [['no body', undefined] as const];

    for (const [name, body] of cases) {
      it(`${operation.operationId}: request example "${name}" gets the 200 example`, async () => {
        const response = await fetch(url(), {
          method: method.toUpperCase(),
          headers: { ...JSON_HEADERS, ...requiredHeaders(operation) },
          body,
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('x-hwsec-violations')).toBeNull();
        expect(await json(response)).toEqual(
          firstExample(operation.responses['200']?.content?.['application/json']),
        );
      });
    }

    it(`${operation.operationId}: a broken request gets ${INVALID_CODES[service]}`, async () => {
      const broken = method === 'get' ? undefined : JSON.stringify({ unexpected: true });
      const query = method === 'get' ? '?enterprise_project_id=' + 'x'.repeat(300) : '';
      const response = await fetch(url() + query, {
        method: method.toUpperCase(),
        headers: JSON_HEADERS,
        body: broken,
      });
      expect(response.status).toBe(400);
      const error = await json(response);
      expect(error['error_code']).toBe(INVALID_CODES[service]);
      expect(String(error['error_msg'])).toMatch(
        method === 'get'
          ? /query\.enterprise_project_id \(maxLength\)/
          : /body\.\w+ \(required\): is required/,
      );
    });
  }
});
