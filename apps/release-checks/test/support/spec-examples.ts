import { readFileSync } from 'node:fs';
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
