// Client-side CPU per call with the network taken out: every variant gets a `fetch` that answers
// at once with a prebuilt Response, so what is left is the work of the client itself (building
// the request, signing, timeout set-up, parsing). The variants alternate in one process, in
// rotating order over rounds; the result is the median CPU µs per call of each.
import {
  OPERATIONS,
  PROJECT_ID,
  RESPONSES,
  TOKEN,
  credentialsFor,
  requestTarget,
} from '../fixtures.mjs';
import { createBaselineRequest } from '../baseline-request.mjs';
import { median, rotate } from '../stats.mjs';

const { ops, rounds, callsPerRound } = JSON.parse(process.argv[2]);
const baseUrl = 'http://127.0.0.1:9';
const host = '127.0.0.1:9';
const payloads = Object.fromEntries(
  Object.entries(RESPONSES).map(([id, body]) => [id, JSON.stringify(body)]),
);
const answer = (opId) => {
  const payload = payloads[opId];
  return new Response(payload, {
    status: 200,
    headers: { 'content-type': 'application/json', 'content-length': String(payload.length) },
  });
};

// Diagnostic layers: openapi-fetch from @hwsec/core's own dependencies, and the PlainRequest the
// core hands openapi-fetch instead of a real Request.
const coreDir = new URL('./', import.meta.resolve('@hwsec/core'));
const createOpenApiClient = (
  await import(new URL('../node_modules/openapi-fetch/dist/index.mjs', coreDir).href)
).default;
const { PlainRequest, createServiceClient } = await import('@hwsec/core');
const hssModule = await import('@hwsec/hss');

const factories = {
  hss: (await import('@hwsec/hss')).createHssClient,
  dsc: await import('@hwsec/dsc').then(
    (m) => m.createDscClient,
    () => undefined,
  ),
  secmaster: await import('@hwsec/secmaster').then(
    (m) => m.createSecMasterClient,
    () => undefined,
  ),
};

function rawCaller(opId, auth) {
  const op = OPERATIONS[opId];
  const target = requestTarget(op);
  const nextRequest = createBaselineRequest({ op, auth, target, host });
  const fetchNow = async () => answer(opId);
  return async () => {
    const { headers, body } = nextRequest();
    const response = await fetchNow(baseUrl + target, { method: op.method, headers, body });
    return response.json();
  };
}

function hwsecCaller(opId, auth, options = {}) {
  const op = OPERATIONS[opId];
  const client = factories[op.client]({
    baseUrl,
    projectId: PROJECT_ID,
    credentials: credentialsFor(auth),
    fetch: async () => answer(opId),
    ...(op.client === 'secmaster' ? { language: 'en-us' } : {}),
    ...options,
  });
  const init = op.callInit ?? { body: op.body };
  return async () => {
    const { data, error } = await client[op.clientMethod](init);
    if (error !== undefined) throw new Error(`${opId}: ${JSON.stringify(error)}`);
    return data;
  };
}

/**
 * The HSS client as its factory builds it, with or without the spec's key tables: the difference
 * is what refusing unknown keys (packages/core/src/unknown-keys.ts) costs per call.
 */
function keyCheckCaller(opId, auth, withKeyCheck) {
  const op = OPERATIONS[opId];
  if (op.client !== 'hss') return hwsecCaller(opId, auth);
  const operations = Object.fromEntries(
    Object.entries(hssModule.hssOperations).map(([id, { inputs, ...info }]) => [
      id,
      withKeyCheck ? { ...info, inputs } : info,
    ]),
  );
  const client = createServiceClient(
    {
      baseUrl,
      projectId: PROJECT_ID,
      credentials: credentialsFor(auth),
      fetch: async () => answer(opId),
    },
    { id: 'hss', servers: hssModule.hssServers, operations },
  );
  const init = op.callInit ?? { body: op.body };
  return async () => {
    const { data, error } = await client[op.clientMethod](init);
    if (error !== undefined) throw new Error(`${opId}: ${JSON.stringify(error)}`);
    return data;
  };
}

/** openapi-fetch alone, with the same headers our client sends but no signing and no timeout. */
function openApiFetchCaller(opId, auth, RequestClass) {
  const op = OPERATIONS[opId];
  const client = createOpenApiClient({
    baseUrl,
    fetch: async () => answer(opId),
    ...(RequestClass ? { Request: RequestClass } : {}),
  });
  const header = {
    ...op.headers,
    ...(auth === 'token' ? { 'X-Auth-Token': TOKEN } : { 'X-Project-Id': PROJECT_ID }),
  };
  const params = { path: { project_id: PROJECT_ID }, query: op.query, header };
  return async () => {
    const { data } = await client[op.method](op.path, { params, body: op.body });
    return data;
  };
}

const VARIANTS = {
  'openapi-fetch alone (Request per call)': (opId, auth) => openApiFetchCaller(opId, auth),
  'openapi-fetch alone + PlainRequest': (opId, auth) =>
    openApiFetchCaller(opId, auth, PlainRequest),
  'raw (baseline signer + fetch(url, init))': rawCaller,
  '@hwsec, defaults': (opId, auth) => hwsecCaller(opId, auth),
  '@hwsec, timeoutMs: 0': (opId, auth) => hwsecCaller(opId, auth, { timeoutMs: 0 }),
  '@hwsec, unknown-key check off': (opId, auth) => keyCheckCaller(opId, auth, false),
  '@hwsec, unknown-key check on': (opId, auth) => keyCheckCaller(opId, auth, true),
};

const rows = [];
for (const opId of ops) {
  if (!factories[OPERATIONS[opId].client]) continue;
  for (const auth of ['token', 'aksk']) {
    const callers = Object.entries(VARIANTS).map(([name, make]) => [name, make(opId, auth)]);
    for (const [, call] of callers) for (let i = 0; i < callsPerRound * 2; i++) await call();
    const samples = Object.fromEntries(callers.map(([name]) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [name, call] of rotate(callers, round)) {
        const before = process.cpuUsage();
        for (let i = 0; i < callsPerRound; i++) await call();
        const used = process.cpuUsage(before);
        samples[name].push((used.user + used.system) / callsPerRound);
      }
    }
    rows.push({
      opId,
      auth,
      cpuUs: Object.fromEntries(Object.entries(samples).map(([name, v]) => [name, median(v)])),
    });
  }
}
process.stdout.write(`${JSON.stringify({ rows })}\n`);
