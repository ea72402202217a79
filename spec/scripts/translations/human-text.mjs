// What counts as human text in a bundle: the strings a translation replaces. Everything else
// (names, enums, bounds, required sets, example values) is a fact and must be the same in every
// language.
import { createHash } from 'node:crypto';

/** Keys whose string values are prose for readers. `x-displayName` is Redoc's label of a tag. */
export const humanTextKeys = new Set(['title', 'summary', 'description', 'x-displayName']);

/**
 * Keys whose values are data, not prose, even when they hold a `description` field: example
 * payloads, schema defaults, enums, consts. (An Example Object's `value` is data too: see
 * isExampleMap.)
 */
const dataKeys = new Set(['example', 'examples', 'default', 'enum', 'const']);

/** Maps whose keys are names chosen by the author (a property may be called `example`). */
const nameMaps = new Set(['properties', 'patternProperties']);

/** Escapes one key for a JSON pointer (RFC 6901). */
export function pointerToken(key) {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * A node's place decides whether `examples`/`value` hold data: a schema's `examples` is an array
 * of values, a media type's or parameter's `examples` a map of Example Objects whose `value` is
 * data while their `summary` and `description` are prose.
 */
function isExampleMap(key, value) {
  return (
    key === 'examples' &&
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((example) => example && typeof example === 'object')
  );
}

/**
 * Every human text of a document, in document order.
 * @returns {Array<{ pointer: string, key: string, text: string }>} `pointer` is the JSON pointer
 *   of the object holding the text, `key` the text's key in it.
 */
export function humanTexts(document) {
  const found = [];
  const walk = (node, pointer, keysAreNames = false) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${pointer}/${index}`));
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const child = `${pointer}/${pointerToken(key)}`;
      if (keysAreNames) {
        walk(value, child);
      } else if (humanTextKeys.has(key) && typeof value === 'string') {
        found.push({ pointer, key, text: value });
      } else if (isExampleMap(key, value)) {
        for (const [name, example] of Object.entries(value)) {
          const examplePointer = `${child}/${pointerToken(name)}`;
          for (const textKey of Object.keys(example).filter((k) => humanTextKeys.has(k))) {
            if (typeof example[textKey] === 'string')
              found.push({ pointer: examplePointer, key: textKey, text: example[textKey] });
          }
        }
      } else if (!dataKeys.has(key)) {
        walk(value, child, nameMaps.has(key));
      }
    }
  };
  walk(document, '');
  return found;
}

/** A copy of the document with every human text removed: what must not differ by language. */
export function withoutHumanText(document) {
  const copy = structuredClone(document);
  const byPointer = new Map();
  for (const { pointer, key } of humanTexts(copy)) {
    byPointer.set(pointer, [...(byPointer.get(pointer) ?? []), key]);
  }
  for (const [pointer, keys] of byPointer) {
    const holder = resolvePointer(copy, pointer);
    for (const key of keys) delete holder[key];
  }
  return copy;
}

export function resolvePointer(document, pointer) {
  if (pointer === '') return document;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node, token) => (node == null ? undefined : node[token]), document);
}

/**
 * The fingerprint of an English text a translation was made from. Whitespace runs count as one
 * space, so re-wrapping an English paragraph does not make its translation stale; any change of
 * wording does.
 */
export function sourceHash(text) {
  const normalized = text.trim().replace(/\s+/g, ' ');
  return createHash('sha256').update(normalized).digest('hex').slice(0, 12);
}
