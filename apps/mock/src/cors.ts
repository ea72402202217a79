/**
 * Cross-origin access for browsers (the docs' console signs in the page and calls the mock).
 * Only the configured origins get CORS headers; by default that is the local docs site, nothing
 * wider. A preflight is the browser's question, not an API call: it is answered here, before
 * faults, Prism or the authentication step, and never counts as a request to the service.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DOCS_DEFAULT_PORT, DOCS_PORT_VARIABLE, localDocsOrigins } from '@hwsec/spec';
import { VIOLATIONS_HEADER } from './violations-header.js';

/** What a signed or token request carries besides the operation's own header parameters. */
const REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'x-sdk-date',
  'x-sdk-content-sha256',
  'x-auth-token',
  'x-security-token',
  'x-project-id',
  'x-domain-id',
  'prefer',
];
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const EXPOSED = ['x-request-id', VIOLATIONS_HEADER].join(', ');
/** Browsers cache an allowed preflight this long (seconds). */
const MAX_AGE = '600';

/**
 * The default: the local docs site's origins, on `HWSEC_DOCS_PORT` when the docs server is moved
 * with it (`pnpm start` gives both processes the same environment), else its default port.
 */
export function defaultCorsOrigins(env: Readonly<Record<string, string | undefined>>): string[] {
  const moved = env[DOCS_PORT_VARIABLE];
  const port = moved && /^\d+$/.test(moved) ? Number(moved) : DOCS_DEFAULT_PORT;
  return localDocsOrigins(port);
}

export interface CorsPolicy {
  /** Answers a preflight (true: nothing more to do) or adds the headers of an allowed origin. */
  apply(request: IncomingMessage, response: ServerResponse): boolean;
}

/**
 * @param origins exact origins (`http://127.0.0.1:4000`), compared as the browser sends them
 * @param headerParameters the operations' own header parameters (SecMaster's `X-Language`)
 */
export function corsPolicy(
  origins: readonly string[],
  headerParameters: readonly string[],
): CorsPolicy {
  const allowed = new Set(origins);
  const allowHeaders = [
    ...new Set([...REQUEST_HEADERS, ...headerParameters.map((h) => h.toLowerCase())]),
  ].join(', ');
  return {
    apply(request, response) {
      const origin = request.headers.origin;
      const permitted = origin !== undefined && allowed.has(origin);
      const preflight =
        request.method === 'OPTIONS' &&
        origin !== undefined &&
        request.headers['access-control-request-method'] !== undefined;
      if (permitted) {
        response.setHeader('Access-Control-Allow-Origin', origin);
        response.setHeader('Vary', 'Origin');
        if (!preflight) response.setHeader('Access-Control-Expose-Headers', EXPOSED);
      }
      if (!preflight) return false;
      request.resume();
      if (!permitted) {
        // No CORS headers: the browser refuses the call it asked about.
        response.writeHead(403).end();
        return true;
      }
      response.writeHead(204, {
        'Access-Control-Allow-Methods': METHODS,
        'Access-Control-Allow-Headers': allowHeaders,
        'Access-Control-Max-Age': MAX_AGE,
      });
      response.end();
      return true;
    },
  };
}

/** Whether `origin` reads `scheme://host[:port]` exactly as a browser sends it in `Origin`. */
export function isOrigin(origin: string): boolean {
  try {
    const parsed = new URL(origin);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === origin
    );
  } catch {
    return false;
  }
}
