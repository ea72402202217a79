// Generated requests, built the way our clients build them, and the check that one signer
// agrees with Huawei's official signer on one of them.
import fc from 'fast-check';
import { officialAuthorization } from './official-signer.js';

// Core's tests depend on this package, so it cannot depend on core: the signer it checks is
// handed in, and described here by its shape.
interface KeyPair {
  accessKey: string;
  secretKey: string;
}
interface Signer {
  sign(request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: string | undefined;
  }): string | Promise<string>;
}

/** RFC 3986 percent-encoding (unreserved characters kept), as the clients encode path segments. */
const percentEncode = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );

const hex32 = fc.string({
  unit: fc.constantFrom(...'0123456789abcdef'),
  minLength: 32,
  maxLength: 32,
});
const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const nonEmptyText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
const reservedHeavy = fc.string({
  unit: fc.constantFrom(...' !"#$%&\'()*+,/:;<=>?@[\\]^`{|}~-_.é中😀'),
  minLength: 1,
  maxLength: 8,
});
const segment = fc.oneof(nonEmptyText, reservedHeavy, hex32).filter((s) => s !== '.' && s !== '..');
const queryKey = fc.oneof(nonEmptyText, reservedHeavy).filter((k) => k !== '__proto__');
const queryValue = fc.oneof(
  text,
  reservedHeavy,
  fc.integer(),
  fc.boolean(),
  fc.array(fc.oneof(text, reservedHeavy), { maxLength: 4 }),
);
const headerName = fc
  .string({ unit: fc.constantFrom(...'abcdefxyzABCXYZ0189-_'), minLength: 1, maxLength: 10 })
  .filter(
    (n) =>
      !['host', 'authorization', 'x-sdk-date', 'content-type', 'x-sdk-content-sha256'].includes(
        n.toLowerCase(),
      ),
  );
const headerValue = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 20,
});
const jsonBody = fc.oneof(
  fc.dictionary(text, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
);

export const generatedRequest = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  origin: fc.constantFrom(
    'https://hss.cn-north-4.myhuaweicloud.com',
    'https://hss.eu-west-101.myhuaweicloud.eu',
    'http://127.0.0.1:4010',
    'https://sdg.ap-southeast-1.myhuaweicloud.com',
  ),
  segments: fc.array(segment, { minLength: 1, maxLength: 5 }),
  trailingSlash: fc.boolean(),
  query: fc.dictionary(queryKey, queryValue, { maxKeys: 5 }),
  headers: fc.dictionary(headerName, headerValue, { maxKeys: 5 }),
  projectId: fc.option(hex32, { nil: undefined }),
  securityToken: fc.option(
    fc.string({
      unit: fc.constantFrom(...'ABCDEFabcdef0123456789+/='),
      minLength: 4,
      maxLength: 40,
    }),
    { nil: undefined },
  ),
  body: fc.option(jsonBody, { nil: undefined }),
  date: fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
  ak: fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
    minLength: 20,
    maxLength: 20,
  }),
  sk: fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
    minLength: 40,
    maxLength: 40,
  }),
});

/** The official signer orders canonical headers with localeCompare, SignedHeaders by code units. */
export function officialOrdersAgree(names: string[]): boolean {
  const lower = [...names, 'host', 'x-sdk-date'].map((n) => n.toLowerCase());
  const byCodeUnit = [...lower].sort();
  const byLocale = [...lower].sort((a, b) => a.localeCompare(b));
  return byCodeUnit.every((n, i) => n === byLocale[i]);
}

function serializeQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(item as string)}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function sdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export type GeneratedRequest = typeof generatedRequest extends fc.Arbitrary<infer R> ? R : never;

/** `r` as our signer takes it and as the official signer takes it. */
export function signableForms(r: GeneratedRequest) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...r.headers,
    'X-Sdk-Date': sdkDate(r.date),
  };
  if (r.projectId) headers['X-Project-Id'] = r.projectId;
  if (r.securityToken) headers['X-Security-Token'] = r.securityToken;
  const path = `/${r.segments.map(percentEncode).join('/')}${r.trailingSlash ? '/' : ''}`;
  return {
    ours: {
      method: r.method,
      url: `${r.origin}${path}${serializeQuery(r.query)}`,
      headers,
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
    },
    official: {
      method: r.method,
      origin: r.origin,
      path,
      queryParams: r.query,
      headers,
      data: r.body,
    },
  };
}

/** Signs `r` with `createSigner` and with the official signer; returns both Authorizations. */
export async function signBoth(r: GeneratedRequest, createSigner: (keys: KeyPair) => Signer) {
  const forms = signableForms(r);
  const ours = await createSigner({ accessKey: r.ak, secretKey: r.sk }).sign({
    ...forms.ours,
    headers: { ...forms.ours.headers },
  });
  const official = officialAuthorization(forms.official, r.ak, r.sk);
  return { ours, official };
}

/** Requests fetch can send as generated: no header names equal but for case, and no name on which the official signer's two header orders disagree. */
export function isComparable(r: GeneratedRequest): boolean {
  const names = Object.keys(r.headers);
  return (
    new Set(names.map((n) => n.toLowerCase())).size === names.length && officialOrdersAgree(names)
  );
}
