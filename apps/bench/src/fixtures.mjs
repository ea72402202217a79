// What every benchmark sends: the test credentials of the reference signing pages and the
// measured operations, with the parameters and bodies of the spec's examples, so each request is
// one the mock (and the real service) would accept.
import { listOperations, loadBundle, readApiRegistry, resolveRef } from '@hwsec/spec';

import { ACCESS_KEY, PROJECT_ID, SECRET_KEY, TOKEN } from './credentials.mjs';

export { ACCESS_KEY, PROJECT_ID, SECRET_KEY, TOKEN };

/**
 * The operations measured, by API id and operationId: everything a request needs (method, path,
 * query, headers, body, the client and its method) and the fixture server's answer are read from
 * the spec, so every request is one the mock (and the real service) accepts.
 */
const MEASURED = {
  hssRead: { api: 'hss', operationId: 'ShowResourceQuotas' },
  hssOrder: { api: 'hss', operationId: 'CreateQuotasOrder' },
  dscOrder: { api: 'dsc', operationId: 'CreateProductOrder' },
  smOrder: { api: 'secmaster', operationId: 'UpdateSubscriptionOrder' },
};

/** The media type's example, else its first named one. */
function firstExample(document, media) {
  if (media?.example !== undefined) return media.example;
  const named = Object.values(media?.examples ?? {})[0];
  return named === undefined ? undefined : resolveRef(document, named).value;
}

/** A parameter's example, from wherever the spec put it. */
function parameterExample(document, parameter) {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {})[0];
  if (named !== undefined) return resolveRef(document, named).value;
  const schema = resolveRef(document, parameter.schema ?? {});
  return schema.example ?? schema.default ?? schema.enum?.[0];
}

/** The request and answer of one measured operation, as its API's spec describes them. */
function describeOperation(id, { api, operationId }) {
  const entry = readApiRegistry().get(api);
  if (!entry.client) throw new Error(`bench ${id}: ${api} has no client (x-hwsec-client)`);
  const document = loadBundle(api);
  const op = listOperations(document).find((candidate) => candidate.operationId === operationId);
  if (!op) throw new Error(`bench ${id}: the ${api} spec has no operation ${operationId}`);
  const values = (location, wanted) =>
    Object.fromEntries(
      op.parameters
        .filter((p) => p.in === location && wanted(p))
        .map((p) => [p.name, parameterExample(document, p)]),
    );
  // The parameters a reader of the spec sends: required ones, and those it gives an example.
  const query = values('query', (p) => p.required || p.example !== undefined);
  const headers = values('header', (p) => p.required);
  const requestBody = resolveRef(document, op.operation.requestBody ?? {});
  const body = firstExample(document, requestBody.content?.['application/json']);
  const ok = Object.entries(op.operation.responses ?? {}).find(([status]) => /^2/.test(status));
  const answer = firstExample(
    document,
    resolveRef(document, ok?.[1] ?? {}).content?.['application/json'],
  );
  const params = Object.keys(query).length ? { params: { query } } : {};
  return {
    label: `${entry.name} ${operationId} (${op.method.toUpperCase()})`,
    client: api,
    clientPackage: entry.client.package,
    clientFactory: entry.client.factory,
    method: op.method.toUpperCase(),
    path: op.path,
    query,
    headers,
    body,
    // The client fills project_id and headers it has options for (SecMaster's X-Language).
    callInit: { ...params, ...(body === undefined ? {} : { body }) },
    clientMethod: operationId.charAt(0).toLowerCase() + operationId.slice(1),
    response: answer ?? {},
  };
}

export const OPERATIONS = Object.fromEntries(
  Object.entries(MEASURED).map(([id, measured]) => [id, describeOperation(id, measured)]),
);

/** The fixture server's answers: each operation's first success example in the spec. */
export const RESPONSES = Object.fromEntries(
  Object.entries(OPERATIONS).map(([id, op]) => [id, op.response]),
);

export const OPERATION_IDS = /** @type {(keyof typeof OPERATIONS)[]} */ (Object.keys(OPERATIONS));
export const AUTH_MODES = /** @type {const} */ (['token', 'aksk']);

export const credentialsFor = (auth) =>
  auth === 'token' ? { token: TOKEN } : { accessKey: ACCESS_KEY, secretKey: SECRET_KEY };

/** The path with the project filled in, and the query string as the clients write it. */
export function requestTarget(op) {
  const path = op.path.replace('{project_id}', PROJECT_ID);
  const query = new URLSearchParams(op.query).toString();
  return query ? `${path}?${query}` : path;
}
