// Shared by the stateful tests: the real mock (real bundles) in stateful mode, the real clients
// pointed at it, the control API, and the spec's own validator for every answer.
import { exampleBody } from './example-bodies.js';
import { freePorts } from './helpers.js';
import { createDscClient } from '@hwsec/dsc';
import { createHssClient } from '@hwsec/hss';
import { createSecMasterClient } from '@hwsec/secmaster';
import { listOperations, loadBundle, resolveRef, type Json } from '@hwsec/spec';
import { createSchemaValidator, type SchemaValidator } from '@hwsec/spec/schema-validator';
import { expect } from 'vitest';
import { startMock, type MockOptions, type RunningMock } from '../src/index.js';
import { loadControlDocument } from '../src/stateful/control-document.js';

export function startStatefulMock(options: MockOptions = {}): Promise<RunningMock> {
  return startMock({
    ports: freePorts(),
    stateful: true,
    seed: 'tests',
    ...options,
  });
}

/** A project id no other test uses (ids are strings of 1–256 characters). */
let projects = 0;
export function newProjectId(): string {
  return `p${process.pid}x${++projects}x${Math.random().toString(16).slice(2, 10)}`;
}

export function clients(urls: RunningMock['urls'], projectId: string) {
  const credentials = { token: 'test-token' };
  return {
    hss: createHssClient({ baseUrl: urls.hss!, projectId, credentials }),
    dsc: createDscClient({ baseUrl: urls.dsc!, projectId, credentials }),
    secmaster: createSecMasterClient({ baseUrl: urls.secmaster!, projectId, credentials }),
  };
}

export function control(baseUrl: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/_hwsec/${path}`, {
      method,
      ...(body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as Json) };
  };
  return {
    call,
    state: (projectId: string) => call('GET', `state/${encodeURIComponent(projectId)}`),
    seed: (projectId: string, state: unknown) =>
      call('PUT', `state/${encodeURIComponent(projectId)}`, state),
    reset: (projectId?: string) =>
      call('DELETE', projectId === undefined ? 'state' : `state/${encodeURIComponent(projectId)}`),
    account: () => call('GET', 'account'),
    updateAccount: (seed: unknown) => call('PATCH', 'account', seed),
  };
}

/** A call to a global service of the mock (BSS, IAM) with a token, as JSON in and out. */
async function globalCall(url: string, method: string, body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: {
      'x-auth-token': 'test-token',
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as Json) };
}

/** The Billing Center (BSS) of the mock: the calls a test needs, raw. */
export function billing(urls: RunningMock['urls']) {
  const bss = urls['bss']!;
  return {
    pay: (orderId: string) =>
      globalCall(
        `${bss}/v3/orders/customer-orders/pay`,
        'POST',
        exampleBody('bss', 'PayOrders', { order_id: orderId }, 'noCouponNoDiscount'),
      ),
    list: (query: Record<string, string | number> = {}) =>
      globalCall(
        `${bss}/v2/orders/customer-orders?${new URLSearchParams(
          Object.entries(query).map(([k, v]) => [k, String(v)]),
        )}`,
        'GET',
      ),
    details: (orderId: string) =>
      globalCall(`${bss}/v2/orders/customer-orders/details/${encodeURIComponent(orderId)}`, 'GET'),
    resources: (query: Record<string, unknown>) =>
      globalCall(`${bss}/v2/orders/suscriptions/resources/query`, 'POST', query),
  };
}

/** IAM of the mock: the account's projects and domain. */
export function identity(urls: RunningMock['urls']) {
  const iam = urls['iam']!;
  return {
    projects: (query: Record<string, string> = {}) =>
      globalCall(`${iam}/v3/projects?${new URLSearchParams(query)}`, 'GET'),
    domains: () => globalCall(`${iam}/v3/auth/domains`, 'GET'),
  };
}

const validators = new Map<string, SchemaValidator>();
function validatorOf(id: string, document: Json): SchemaValidator {
  let validator = validators.get(id);
  if (!validator) validators.set(id, (validator = createSchemaValidator(document)));
  return validator;
}

/** The answer validates against the operation's response schema for that status in the spec. */
export function expectValidAnswer(
  api: 'hss' | 'dsc' | 'secmaster' | 'bss' | 'iam',
  operationId: string,
  status: number,
  body: unknown,
): void {
  const document = loadBundle(api);
  const operation = listOperations(document).find((o) => o.operationId === operationId)!;
  const response = resolveRef(document, operation.operation.responses[String(status)]);
  expect(response, `${operationId} documents ${status}`).toBeDefined();
  const validate = validatorOf(api, document).forSchema(
    response.content['application/json'].schema,
  );
  expect(validate(body) ? [] : validate.errors).toEqual([]);
}

/** A control-API body validates against its schema in the control document. */
export function expectValidControl(pointer: string, body: unknown): void {
  const { document } = loadControlDocument();
  const validate = validatorOf('control', document).atPointer(pointer);
  expect(validate(body) ? [] : validate.errors).toEqual([]);
}
