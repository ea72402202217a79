/**
 * RFC 6901 JSON pointers and local `$ref`s inside one bundled document. A `$ref` is a URI
 * fragment, so its tokens are percent-decoded first (`%7B` → `{`), then unescaped (`~1` → `/`,
 * `~0` → `~`). The bundles are self-contained: a reference to another file is an error.
 */
export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Escapes one key (a path template, a media type) for use in a pointer: `/` → `~1`, `~` → `~0`. */
export function escapePointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** `'#/paths/~1v5~1{project_id}~1quotas~1orders'` → `['paths', '/v5/{project_id}/quotas/orders']`. */
export function pointerTokens(pointer: string): string[] {
  const fragment = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (fragment === '') return [];
  if (!fragment.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return fragment
    .slice(1)
    .split('/')
    .map((token) => decodeToken(token, pointer));
}

function decodeToken(token: string, pointer: string): string {
  let text = token;
  if (pointer.startsWith('#')) {
    try {
      text = decodeURIComponent(token);
    } catch {
      throw new Error(`malformed percent-encoding in $ref ${pointer}`);
    }
  }
  return text.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The node `pointer` (`#/components/schemas/X`) designates; throws when there is none. */
export function resolvePointer(document: unknown, pointer: string): Json {
  if (!pointer.startsWith('#'))
    throw new Error(`external $ref ${pointer}: only local $refs are supported`);
  let node: Json = document;
  for (const token of pointerTokens(pointer)) {
    node = node !== null && typeof node === 'object' ? node[token] : undefined;
    if (node === undefined) throw new Error(`unresolvable $ref ${pointer}`);
  }
  return node;
}

/** Follows `node`'s `$ref` chain to the first node without one (a node without is returned as is). */
export function resolveRef<T = Json>(document: unknown, node: unknown): T {
  let current: Json = node;
  const seen = new Set<string>();
  while (current !== null && typeof current === 'object' && typeof current.$ref === 'string') {
    const ref: string = current.$ref;
    if (seen.has(ref)) throw new Error(`$ref cycle without a target: ${ref}`);
    seen.add(ref);
    current = resolvePointer(document, ref);
  }
  return current as T;
}
