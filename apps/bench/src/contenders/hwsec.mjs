// Our clients, with their defaults (timeout, retry policy), one per service, as a user writes it.
import { OPERATIONS, PROJECT_ID, credentialsFor } from '../fixtures.mjs';

export async function createCaller({ baseUrl, opId, auth, clientOptions = {} }) {
  const op = OPERATIONS[opId];
  const { fetchImpl, ...options } = clientOptions;
  // Diagnostic: `fetchImpl: 'global'` injects Node's built-in fetch (undici), what the clients
  // used on Node before their node:http transport and what they still use on web runtimes.
  const injected =
    fetchImpl === 'global' ? { fetch: (input, init) => globalThis.fetch(input, init) } : {};
  // The client package and factory the spec's x-hwsec-client names.
  const create = (await import(op.clientPackage))[op.clientFactory];
  const client = create({
    baseUrl,
    projectId: PROJECT_ID,
    credentials: credentialsFor(auth),
    ...options,
    ...injected,
  });
  const method = client[op.clientMethod];
  if (typeof method !== 'function')
    throw new Error(`${op.clientPackage} has no method ${op.clientMethod}`);
  const init = op.callInit;
  return async function call() {
    const { data, error, response } = await method(init);
    if (error !== undefined || !response.ok)
      throw new Error(`${op.clientPackage}: HTTP ${response.status}`);
    return data;
  };
}
