// The pieces of the SDK-HMAC-SHA256 canonical request (URI, query string), each
// computed the way Huawei's official core signer computes it.
import { percentEncode } from './percent-encode.js';

/**
 * Each `/`-separated segment percent-encoded, and a trailing `/` added when missing: the signed
 * URI of `/v5/p/billing/quotas` is `/v5/p/billing/quotas/` although the request keeps no slash.
 * The path is taken as it appears in the URL, so an already-encoded `%20` is signed as `%2520`,
 * exactly like the official signer.
 */
export function canonicalUri(path: string): string {
  const uri = path.split('/').map(percentEncode).join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/**
 * Parameter names sorted (UTF-16 code-unit order of the decoded names, like `Array#sort`),
 * names and values re-encoded with `percentEncode`, the values of a repeated name sorted and
 * each written as its own `name=value`.
 */
export function canonicalQueryString(query: string): string {
  if (query === '') return '';
  const pairs = query.split('&');
  const values = new Map<string, string[]>();
  for (const pair of pairs) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeURIComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeURIComponent(pair.slice(eq + 1));
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  const out: string[] = [];
  for (const name of [...values.keys()].sort()) {
    const encodedName = percentEncode(name);
    for (const value of values.get(name)!.sort())
      out.push(`${encodedName}=${percentEncode(value)}`);
  }
  return out.join('&');
}
