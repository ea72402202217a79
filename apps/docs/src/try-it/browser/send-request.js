// Sends one call the way the clients do: @hwsec/core's transport builds the headers, signs with
// AK/SK through Web Crypto (or sends the token), refuses to follow a redirect, never resends an
// order, and throws typed errors. The console only watches what goes out, through the transport's
// `fetch` option, to show the request exactly as sent.
import { createTransport, isHwsecError, PlainRequest } from '@hwsec/core';

/** Header values never shown: the access key and the signature (core redacts both), every token. */
const SIGNED = /(Access=|Signature=)[^,\s]+/g;
const HIDDEN = new Set(['x-auth-token', 'x-security-token']);
export const MASK = '••••••••';

/** The headers as sent, with the access key, the signature and the tokens masked. */
export function maskedHeaders(headers) {
  const shown = [];
  for (const [name, value] of headers) {
    if (HIDDEN.has(name)) shown.push([name, MASK]);
    else if (name === 'authorization') shown.push([name, value.replace(SIGNED, `$1${MASK}`)]);
    else shown.push([name, value]);
  }
  return shown;
}

/**
 * @param {{ method: string, url: string, headers: Record<string, string>, body: string | undefined,
 *   operationId: string, projectId: string | undefined, domainId: string | undefined,
 *   credentials: object }} call
 * @returns {Promise<{ sent?: { method: string, url: string, headers: [string, string][] },
 *   response?: { status: number, requestId: string | null, body: string }, error?: object,
 *   ms: number }>}
 */
export async function sendRequest(call) {
  let sent;
  const watched = (url, init) => {
    sent = {
      method: init.method,
      url,
      headers: maskedHeaders(new Headers(init.headers)),
      body: init.body ?? undefined,
    };
    return fetch(url, init);
  };
  const { transport } = createTransport({
    credentials: call.credentials,
    projectId: call.projectId,
    domainId: call.domainId,
    fetch: watched,
    // One attempt: what the page shows is what was sent (an order is never resent anyway).
    retry: false,
  });
  const started = performance.now();
  try {
    const response = await transport(
      new PlainRequest(call.url, {
        method: call.method,
        headers: call.headers,
        body: call.body,
        hwsecOperation: call.operationId,
        hwsecProjectId: call.projectId,
      }),
    );
    const body = await response.text();
    return {
      sent,
      response: { status: response.status, requestId: response.headers.get('x-request-id'), body },
      ms: performance.now() - started,
    };
  } catch (error) {
    if (!isHwsecError(error)) throw error;
    return {
      sent,
      error: {
        kind: error.kind,
        message: error.message,
        mayHaveBeenProcessed: error.mayHaveBeenProcessed,
      },
      ms: performance.now() - started,
    };
  }
}
