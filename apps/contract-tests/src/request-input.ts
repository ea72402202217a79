// A request to one operation as data (path/query/header values and a JSON body), and how it is
// put on the wire. Cases are built as data first so they can be counted, printed and replayed.
import { operationsOf, type ApiName, type Operation, type Parameter } from './operation-model.js';
import { validSample } from './valid-sample.js';

export interface RequestInput {
  path: Record<string, string>;
  query: Record<string, string>;
  header: Record<string, string>;
  /** JSON body; `undefined` sends no body at all. */
  body?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A parameter's documented example (else a valid sample), as a typed client call takes it. */
export const exampleValue = (operation: Operation, parameter: Parameter): unknown =>
  parameter.example ?? validSample(operation.document, parameter.schema);

/**
 * The operation's documented example request: every required parameter (and, with
 * `withOptional`, every optional one) at its example value, and the first body example.
 */
export function exampleInput(
  operation: Operation,
  options: { withOptional?: boolean; bodyExample?: string } = {},
): RequestInput {
  const input: RequestInput = { path: {}, query: {}, header: {} };
  for (const parameter of operation.parameters) {
    if (!parameter.required && !options.withOptional) continue;
    input[parameter.in][parameter.name] = text(exampleValue(operation, parameter));
  }
  const examples = operation.requestBody?.examples ?? [];
  const example = options.bodyExample
    ? examples.find((e) => e.name === options.bodyExample)
    : examples[0];
  if (operation.requestBody) {
    if (!example) throw new Error(`${operation.operationId} has a request body but no example`);
    input.body = structuredClone(example.value);
  }
  return input;
}

/**
 * The body of `api`'s `operationId` from its request example `bodyExample` (else the first), with
 * `overrides` replacing top-level fields: what a test changes in the documented request, and only
 * that. `T` is the client's type of the body.
 */
export function exampleBody<T = Record<string, unknown>>(
  api: ApiName,
  operationId: string,
  overrides: Partial<T> = {},
  bodyExample?: string,
): T {
  const operation = operationsOf(api).find((o) => o.operationId === operationId);
  if (!operation) throw new Error(`${api} has no operation ${operationId}`);
  const { body } = exampleInput(operation, bodyExample === undefined ? {} : { bodyExample });
  return { ...(body as T), ...overrides };
}

export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export function toWire(
  operation: Operation,
  input: RequestInput,
  baseUrl: string,
  auth: Record<string, string>,
): WireRequest {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(input.path[name] ?? ''),
  );
  const query = new URLSearchParams(input.query).toString();
  const headers: Record<string, string> = { ...auth, ...input.header };
  const wire: WireRequest = {
    method: operation.method.toUpperCase(),
    url: `${baseUrl}${path}${query ? `?${query}` : ''}`,
    headers,
  };
  if (input.body !== undefined) {
    headers['content-type'] = 'application/json';
    wire.body = JSON.stringify(input.body);
  }
  return wire;
}

export interface WireResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function send(
  request: WireRequest,
  fetchImpl: typeof fetch = fetch,
): Promise<WireResponse> {
  const response = await fetchImpl(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined && { body: request.body }),
  });
  const raw = await response.text();
  let body: unknown = raw;
  try {
    body = raw === '' ? undefined : JSON.parse(raw);
  } catch {
    // not JSON: keep the text, the assertion will show it
  }
  return { status: response.status, headers: response.headers, body };
}
