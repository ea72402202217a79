// The by-path client (`client.GET('/v5/{project_id}/billing/quotas', init)`, `request`, `use`,
// `eject`), which the operation methods call too. Its type is openapi-fetch's `Client`, unchanged;
// the runtime is our own, because openapi-fetch's ships what a signed client cannot use (a
// per-call `fetch` or `Request` that would bypass the transport, every OpenAPI path style, query
// style options) in every bundle. What a call does follows openapi-fetch 0.17: the same URL,
// query (form lists, deepObject objects), headers (`null` removes one), body, middleware order
// and `{ data, error, response }` results. A per-call `fetch`, `Request` or `pathSerializer`, or a
// querySerializer given as style options, is refused (HwsecInputError) before anything is sent.
import type { Client, Middleware } from 'openapi-fetch';
import { HwsecInputError } from './errors.js';
import type { MediaType } from './operation-types.js';
import { strictPathSerializer } from './path-serializer.js';
import { PlainRequest } from './plain-request.js';
import type { Transport } from './transport.js';

type HeaderBag =
  HeadersInit | Record<string, string | number | boolean | null | undefined | unknown[]>;

interface CallInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: HeaderBag };
  body?: unknown;
  headers?: HeaderBag;
  parseAs?: 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream';
  querySerializer?: unknown;
  bodySerializer?: (body: unknown, headers: Headers) => unknown;
  baseUrl?: string;
  middleware?: Middleware[];
  hwsecOperation?: string;
  [key: string]: unknown;
}

/** A query as openapi-fetch writes it by default; `null`/`undefined` values are left out. */
function serializeQuery(query: Record<string, unknown>): string {
  const item = (name: string, value: unknown) => {
    if (value === undefined || value === null) return '';
    if (typeof value === 'object')
      throw new Error('Nested arrays or objects in a query need your own `querySerializer()`.');
    return `${name}=${encodeURIComponent(value as string)}`;
  };
  const parts: string[] = [];
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null || (Array.isArray(value) && !value.length)) continue;
    if (Array.isArray(value)) parts.push(value.map((v) => item(name, v)).join('&'));
    else if (typeof value === 'object')
      parts.push(
        Object.keys(value)
          .map((k) => item(`${name}[${k}]`, (value as any)[k]))
          .join('&'),
      );
    else parts.push(item(name, value));
  }
  return parts.join('&');
}

/** Headers merged in order; a `null` value removes the header, a list appends each value. */
function mergeHeaders(...bags: unknown[]): Headers {
  const merged = new Headers();
  for (const bag of bags) {
    if (!bag || typeof bag !== 'object') continue;
    for (const [name, value] of bag instanceof Headers ? bag : Object.entries(bag)) {
      if (value === null) merged.delete(name);
      else if (Array.isArray(value)) for (const v of value) merged.append(name, v);
      else if (value !== undefined) merged.set(name, value);
    }
  }
  return merged;
}

/** JSON, or a form when the caller's Content-Type says so; FormData as it is. */
const defaultBodySerializer = (body: unknown, headers: Headers) =>
  body instanceof FormData
    ? body
    : headers.get('content-type') === 'application/x-www-form-urlencoded'
      ? new URLSearchParams(body as Record<string, string>).toString()
      : JSON.stringify(body);

const trimSlash = (url: string) => (url.endsWith('/') ? url.slice(0, -1) : url);

export function createPathClient<Paths extends {}>(
  baseUrl: string,
  transport: Transport,
): Client<Paths, MediaType> {
  const middlewares: Middleware[] = [];

  async function call(schemaPath: string, init: CallInit): Promise<unknown> {
    const {
      baseUrl: callBaseUrl,
      params = {},
      parseAs = 'json',
      querySerializer = serializeQuery,
      bodySerializer = defaultBodySerializer,
      body,
      headers,
      middleware = [],
      ...rest
    } = init;
    const base = callBaseUrl ? trimSlash(callBaseUrl) : baseUrl;
    for (const option of ['fetch', 'Request', 'pathSerializer', 'querySerializer'])
      if (
        option === 'querySerializer'
          ? typeof querySerializer !== 'function'
          : rest[option] !== undefined
      )
        throw new HwsecInputError(
          init.hwsecOperation ?? `${rest['method']} ${base}${schemaPath}`,
          option,
          option === 'querySerializer'
            ? 'a function (style options are not supported)'
            : "left out (every call goes through the client's signing transport)",
        );
    const serializedBody =
      body === undefined ? undefined : bodySerializer(body, mergeHeaders(headers, params.header));
    let url = `${base}${schemaPath}`;
    if (params.path) url = strictPathSerializer(url, params.path);
    let search: string = (querySerializer as typeof serializeQuery)(params.query ?? {});
    if (search.startsWith('?')) search = search.slice(1);
    if (search) url += `?${search}`;
    let request = new PlainRequest(url, {
      redirect: 'follow',
      ...rest,
      body: serializedBody as BodyInit | undefined,
      headers: mergeHeaders(
        // Without a body (or with FormData, whose boundary the runtime writes) no Content-Type.
        serializedBody === undefined || serializedBody instanceof FormData
          ? {}
          : { 'Content-Type': 'application/json' },
        headers,
        params.header,
      ),
    });

    const all = [...middlewares, ...middleware];
    // onError and onResponse run in reverse order, as in openapi-fetch.
    const reversed = all.slice().reverse();
    const context = {
      schemaPath,
      params,
      id: Math.random().toString(36).slice(2, 11),
      options: Object.freeze({
        baseUrl: base,
        fetch: transport,
        parseAs,
        querySerializer,
        bodySerializer,
        pathSerializer: strictPathSerializer,
      }),
    } as any;
    let response: Response | undefined;
    for (const m of all) {
      const result = await m?.onRequest?.({ ...context, request });
      if (!result) continue;
      if (result instanceof PlainRequest) request = result;
      else if (result instanceof Response) {
        response = result;
        break;
      } else throw new Error('onRequest: return a Request or a Response');
    }
    if (!response) {
      try {
        response = await transport(request);
      } catch (thrown) {
        let error: unknown = thrown;
        for (const m of reversed) {
          const result = await m?.onError?.({ ...context, request, error });
          if (!result) continue;
          if (result instanceof Response) {
            response = result;
            break;
          }
          if (!(result instanceof Error)) throw new Error('onError: return a Response or an Error');
          error = result;
        }
        if (!response) throw error;
      }
      for (const m of reversed) {
        const result: unknown = await m?.onResponse?.({ ...context, request, response: response! });
        if (!result) continue;
        if (!(result instanceof Response)) throw new Error('onResponse: return a Response');
        response = result;
      }
    }

    const length = response.headers.get('Content-Length');
    if (
      response.status === 204 ||
      request.method === 'HEAD' ||
      (length === '0' && !response.headers.get('Transfer-Encoding')?.includes('chunked'))
    )
      return response.ok ? { data: undefined, response } : { error: undefined, response };
    if (response.ok) {
      if (parseAs === 'stream') return { data: response.body, response };
      if (parseAs === 'json' && !length) {
        const raw = await response.text();
        return { data: raw ? JSON.parse(raw) : undefined, response };
      }
      return { data: await response[parseAs](), response };
    }
    let error: unknown = await response.text();
    try {
      error = JSON.parse(error as string);
    } catch {}
    return { error, response };
  }

  const client: Record<string, unknown> = {
    request: (method: string, url: string, init?: CallInit) =>
      call(url, { ...init, method: method.toUpperCase() }),
    use(...added: Middleware[]) {
      for (const m of added) {
        if (!m) continue;
        if (typeof m !== 'object' || !('onRequest' in m || 'onResponse' in m || 'onError' in m))
          throw new Error(
            'Middleware must be an object with onRequest(), onResponse() or onError()',
          );
        middlewares.push(m);
      }
    },
    eject(...removed: Middleware[]) {
      for (const m of removed) {
        const i = middlewares.indexOf(m);
        if (i !== -1) middlewares.splice(i, 1);
      }
    },
  };
  for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'])
    client[method] = (url: string, init?: CallInit) => call(url, { ...init, method });
  return client as unknown as Client<Paths, MediaType>;
}
