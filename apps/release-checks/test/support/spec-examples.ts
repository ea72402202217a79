import { readFileSync } from 'node:fs';
import { listOperations, loadBundle, resolveRef } from '@hwsec/spec';
import { bundlePath, SPEC_DIR, type SpecApi } from '../../src/spec-layout.js';

/** Every example of the 200 response of one operation in the bundled spec (what the mock serves). */
export function successExamples(api: SpecApi, path: string, method: string): unknown[] {
  const document = JSON.parse(readFileSync(bundlePath(SPEC_DIR, api), 'utf8'));
  const media = document.paths[path][method].responses['200'].content['application/json'];
  if (media.example !== undefined) return [media.example];
  return Object.values(media.examples as Record<string, { value: unknown }>).map(
    (example) => example.value,
  );
}

/**
 * What the mock may answer `operationId` with: every example of its 2xx response's JSON body, or
 * `[undefined]` for a success without a body (PayOrders' 204).
 */
export function successBodies(api: SpecApi, operationId: string): unknown[] {
  const document = loadBundle(api);
  const entry = listOperations(document).find((op) => op.operationId === operationId)!;
  const status = Object.keys(entry.operation.responses).find((code) => /^2\d\d$/.test(code))!;
  const media = resolveRef(document, entry.operation.responses[status])?.content?.[
    'application/json'
  ];
  if (media === undefined) return [undefined];
  if (media.example !== undefined) return [media.example];
  return Object.values<{ value: unknown }>(media.examples).map(
    (example) => resolveRef(document, example).value,
  );
}
