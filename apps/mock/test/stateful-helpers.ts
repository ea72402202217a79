// Shared by the stateful tests: the real mock (real bundles) in stateful mode, the real clients
// pointed at it, the control API, and the spec's own validator for every answer.
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
    ports: { hss: 0, dsc: 0, secmaster: 0 },
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
    pay: (orderId: string) => call('POST', `orders/${encodeURIComponent(orderId)}/pay`),
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
  api: 'hss' | 'dsc' | 'secmaster',
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
