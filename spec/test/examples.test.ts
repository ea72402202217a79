// Every example in the bundles must validate against the schema it illustrates: a wrong example
// would be served by the mock and shown in the docs. This walks the bundles rather than listing
// examples, so a new example is checked the moment it is added.
import { describe, expect, it } from 'vitest';
import { escapePointerToken, resolvePointer } from '../src/index.js';
import { apiNames, type Json, loadBundle, validatorsFor } from './support/bundles.js';

interface FoundExample {
  where: string;
  schemaPointer: string;
  value: unknown;
}

function examplesOf(holder: Json): Array<[string, unknown]> {
  const found: Array<[string, unknown]> = [];
  if (holder.example !== undefined) found.push(['example', holder.example]);
  for (const [name, example] of Object.entries<Json>(holder.examples ?? {})) {
    found.push([`examples.${name}`, example.value]);
  }
  return found;
}

/** Examples of media types and parameters (with the schema next to them), and schema properties. */
function collectExamples(document: Json): FoundExample[] {
  const found: FoundExample[] = [];
  const visit = (node: Json, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${pointer}/${index}`));
      return;
    }
    if (node.schema && (node.example !== undefined || node.examples)) {
      for (const [label, value] of examplesOf(node)) {
        found.push({ where: `${pointer} ${label}`, schemaPointer: `${pointer}/schema`, value });
      }
    }
    if (node.type !== undefined && node.example !== undefined && !node.schema) {
      found.push({ where: `${pointer} example`, schemaPointer: pointer, value: node.example });
    }
    for (const [key, child] of Object.entries<Json>(node)) {
      if (key === 'example' || key === 'examples') continue;
      visit(child, `${pointer}/${escapePointerToken(key)}`);
    }
  };
  visit(document, '#');
  // A $ref'd parameter or response is checked where it is defined, in components.
  return found.filter((example) => {
    try {
      return resolvePointer(document, example.schemaPointer) !== undefined;
    } catch {
      return false;
    }
  });
}

describe.each(apiNames)('%s bundle examples', (api) => {
  const document = loadBundle(api);
  const validator = validatorsFor(api);
  const examples = collectExamples(document);

  it('has examples for every operation request and response', () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples.map((example) => [example.where, example] as const))(
    '%s is valid',
    (_where, example) => {
      expect(validator(example.schemaPointer).errors(example.value)).toEqual([]);
    },
  );
});
