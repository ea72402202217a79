// Our clients, with their defaults (timeout, retry policy), one per service, as a user writes it.
import { OPERATIONS, PROJECT_ID, credentialsFor } from '../fixtures.mjs';

const FACTORIES = {
  hss: async () => (await import('@hwsec/hss')).createHssClient,
  dsc: async () => (await import('@hwsec/dsc')).createDscClient,
  secmaster: async () => (await import('@hwsec/secmaster')).createSecMasterClient,
};

export async function createCaller({ baseUrl, opId, auth, clientOptions = {} }) {
  const op = OPERATIONS[opId];
  const { fetchImpl, ...options } = clientOptions;
  // Diagnostic: `fetchImpl: 'global'` injects Node's built-in fetch (undici), what the clients
  // used on Node before their node:http transport and what they still use on web runtimes.
  const injected =
    fetchImpl === 'global' ? { fetch: (input, init) => globalThis.fetch(input, init) } : {};
  const create = await FACTORIES[op.client]();
  const client = create({
    baseUrl,
    projectId: PROJECT_ID,
    credentials: credentialsFor(auth),
    ...(op.client === 'secmaster' ? { language: 'en-us' } : {}),
    ...options,
    ...injected,
  });
  const method = client[op.clientMethod];
  if (typeof method !== 'function')
    throw new Error(`@hwsec/${op.client} has no method ${op.clientMethod}`);
  const init = op.callInit ?? { body: op.body };
  return async function call() {
    const { data, error, response } = await method(init);
    if (error !== undefined || !response.ok)
      throw new Error(`@hwsec/${op.client}: HTTP ${response.status}`);
    return data;
  };
}
