// A lean split of an absolute, already-normalized URL (what `new URL(x).href` gives and what
// our clients build; no user info, no fragment) into the parts the signature covers, without a
// URL object per request.
export interface UrlParts {
  /** host[:port], as the `Host` header carries it. */
  host: string;
  /** Empty when the URL has none (`https://host`): its canonical URI is `/` like that of `/`. */
  path: string;
  /** The raw query without `?`; empty when there is none. */
  query: string;
}

export function splitUrl(url: string): UrlParts {
  const hostAt = url.indexOf('//') + 2;
  let queryAt = url.indexOf('?', hostAt);
  if (queryAt < 0) queryAt = url.length;
  let pathAt = url.indexOf('/', hostAt);
  if (pathAt < 0 || pathAt > queryAt) pathAt = queryAt;
  return {
    host: url.slice(hostAt, pathAt),
    path: url.slice(pathAt, queryAt),
    query: url.slice(queryAt + 1),
  };
}
