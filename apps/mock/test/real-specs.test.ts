// The mock fed the real bundles of @hwsec/spec: every operation answers each of its documented
// request examples with its documented success answer, and rejects a broken request in the
// service's own words and body shape (Keystone's `{ error: { code, message, title } }` for IAM).
import { apiIds, listOperations, loadBundle, readApiRegistry, resolvePointer } from '@hwsec/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock, type ServiceId } from '../src/index.js';
import { JSON_HEADERS, PROJECT_ID, json } from './helpers.js';

interface Constrained {
  maxLength?: number;
  maximum?: number;
}

interface Operation {
  operationId: string;
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    example?: unknown;
    schema?: Constrained;
  }>;
  requestBody?: {
    content: Record<
      string,
      {
        examples?: Record<string, { value: unknown }>;
        schema?: { required?: string[]; properties?: Record<string, Constrained> };
      }
    >;
  };
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

const registry = readApiRegistry();

/** The bundle's operations with their `$ref`s resolved (parameters, body schema). */
function dereferenced(bundle: object, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => dereferenced(bundle, item));
  if (value === null || typeof value !== 'object') return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') return dereferenced(bundle, resolvePointer(bundle, ref));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, dereferenced(bundle, item)]),
  );
}

const operations = apiIds().flatMap((service) => {
  const bundle = loadBundle(service);
  return listOperations(bundle).map(({ path, method, operation }) => ({
    service: service as ServiceId,
    path,
    method,
    operation: dereferenced(bundle, operation) as Operation,
  }));
});

/** The operation's documented success: its first 2xx status and that answer's example. */
function success(operation: Operation): { status: number; example: unknown } {
  const status = Object.keys(operation.responses).find((code) => /^2\d\d$/.test(code))!;
  return {
    status: Number(status),
    example: firstExample(operation.responses[status]?.content?.['application/json']),
  };
}

/** The service's code and message, wherever its error body keeps them. */
function errorOf(service: string, body: unknown): { code: unknown; message: string } {
  const shape = registry.get(service).errors.body;
  return {
    code: resolvePointer(body, '#' + shape.code),
    message: String(resolvePointer(body, '#' + shape.message)),
  };
}

/**
 * A request that breaks one rule of the operation's spec, found in the spec: a body without its
 * required members, else a query parameter (then a body member) over its maximum length or value.
 * Undefined for an operation with no rule a request can break (KeystoneListAuthDomains).
 */
function brokenRequest(
  operation: Operation,
): { query: string; body: string | undefined; rule: RegExp } | undefined {
  const schema = operation.requestBody?.content['application/json']?.schema;
  if ((schema?.required ?? []).length > 0)
    return {
      query: '',
      body: JSON.stringify({ unexpected: true }),
      rule: /body\.\w+ \(required\): is required/,
    };
  const tooBig = (constrained: Constrained | undefined) =>
    constrained?.maxLength !== undefined
      ? { value: 'x'.repeat(constrained.maxLength + 1), keyword: 'maxLength' }
      : constrained?.maximum !== undefined
        ? { value: constrained.maximum + 1, keyword: 'maximum' }
        : undefined;
  for (const parameter of operation.parameters ?? []) {
    const broken = parameter.in === 'query' ? tooBig(parameter.schema) : undefined;
    if (broken !== undefined)
      return {
        query: `?${parameter.name}=${broken.value}`,
        body: schema === undefined ? undefined : '{}',
        rule: new RegExp(`query\\.${parameter.name} \\(${broken.keyword}\\)`),
      };
  }
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    const broken = tooBig(property);
    if (broken !== undefined)
      return {
        query: '',
        body: JSON.stringify({ [name]: broken.value }),
        rule: new RegExp(`body\\.${name} \\(${broken.keyword}\\)`),
      };
  }
  return undefined;
}

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

describe('the real bundles', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ ports: Object.fromEntries(apiIds().map((id) => [id, 0])) });
  });
  afterAll(() => mock.close());

  it('serves every registered API, each with an operation a broken request can reach', () => {
    expect(new Set(operations.map((o) => o.service))).toEqual(new Set(apiIds()));
    for (const id of apiIds())
      expect(
        operations.some((o) => o.service === id && brokenRequest(o.operation) !== undefined),
        id,
      ).toBe(true);
  });

  for (const { service, path, method, operation } of operations) {
    const pathValue = (name: string) =>
      name === 'project_id'
        ? PROJECT_ID
        : String(operation.parameters?.find((p) => p.in === 'path' && p.name === name)?.example);
    const url = () =>
      `${mock.urls[service]}${path.replace(/\{(\w+)\}/g, (_, name) => pathValue(name))}`;
    const requestExamples = Object.entries(
      operation.requestBody?.content['application/json']?.examples ?? {},
    );
    const cases =
      requestExamples.length > 0
        ? requestExamples.map(([name, e]) => [name, JSON.stringify(e.value)] as const)
        : [['no body', undefined] as const];

    for (const [name, body] of cases) {
      const expected = success(operation);
      it(`${operation.operationId}: request example "${name}" gets the ${expected.status} example`, async () => {
        const response = await fetch(url(), {
          method: method.toUpperCase(),
          headers: { ...JSON_HEADERS, ...requiredHeaders(operation) },
          body,
        });
        expect(response.status).toBe(expected.status);
        expect(response.headers.get('x-hwsec-violations')).toBeNull();
        if (expected.status === 204) expect(await response.text()).toBe('');
        else expect(await json(response)).toEqual(expected.example);
      });
    }

    const broken = brokenRequest(operation);
    if (broken === undefined) continue;
    const { code, message } = registry.get(service).errors.invalidParameter;
    it(`${operation.operationId}: a broken request gets ${code}`, async () => {
      const response = await fetch(url() + broken.query, {
        method: method.toUpperCase(),
        headers: JSON_HEADERS,
        body: broken.body,
      });
      expect(response.status).toBe(400);
      const error = errorOf(service, await json(response));
      expect(String(error.code)).toBe(code);
      expect(error.message.startsWith(message)).toBe(true);
      expect(error.message).toMatch(broken.rule);
    });
  }
});
