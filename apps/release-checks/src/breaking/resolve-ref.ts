import { isObject, type JsonObject } from './types.js';

/**
 * Follows local `$ref`s (`#/components/...`) until a node without one is reached. The bundles
 * are self-contained, so external references are an error rather than something to fetch.
 */
export function resolveRef(root: JsonObject, node: unknown): unknown {
  let current = node;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`external $ref is not supported: ${ref}`);
    if (seen.has(ref)) throw new Error(`$ref cycle without a schema: ${ref}`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((parent, key) => (isObject(parent) ? parent[key] : undefined), root);
    if (current === undefined) throw new Error(`unresolvable $ref: ${ref}`);
  }
  return current;
}
