// A lean split of an absolute, already-normalized URL (what `new URL(x).href` gives and what
// our clients build) into the parts the signature covers, without a URL object per request.
export interface UrlParts {
  /** host[:port], as the `Host` header carries it. */
  host: string;
  path: string;
  /** The raw query without `?`; empty when there is none. */
  query: string;
}

export function splitUrl(url: string): UrlParts {
  const schemeEnd = url.indexOf('://');
  if (schemeEnd === -1) throw new TypeError('signer: the URL must be absolute');
  const authorityStart = schemeEnd + 3;
  let hashAt = url.indexOf('#', authorityStart);
  if (hashAt === -1) hashAt = url.length;
  let queryAt = url.indexOf('?', authorityStart);
  if (queryAt === -1 || queryAt > hashAt) queryAt = hashAt;
  let pathAt = url.indexOf('/', authorityStart);
  if (pathAt === -1 || pathAt > queryAt) pathAt = queryAt;
  const authority = url.slice(authorityStart, pathAt);
  const at = authority.lastIndexOf('@');
  return {
    host: at === -1 ? authority : authority.slice(at + 1),
    path: pathAt === queryAt ? '/' : url.slice(pathAt, queryAt),
    query: queryAt < hashAt ? url.slice(queryAt + 1, hashAt) : '',
  };
}
