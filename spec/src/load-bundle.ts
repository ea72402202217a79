/**
 * Reads an API's bundle, `dist/<id>.json`, the file the `bundle` task writes and everything
 * else consumes.
 */
import { readFileSync } from 'node:fs';
import { apiFiles, SPEC_DIR } from './api-ids.js';
import type { Json } from './json-pointer.js';

const cache = new Map<string, Json>();

/** The parsed JSON bundle of one API (read once per process; treat it as read-only). */
export function loadBundle(id: string, specDir: string = SPEC_DIR): Json {
  const path = apiFiles(id, specDir).bundleJson;
  let document = cache.get(path);
  if (document === undefined) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new Error(
        `the bundle ${path} is missing; build it with \`pnpm exec turbo run bundle --filter @hwsec/spec\``,
      );
    }
    document = JSON.parse(text);
    cache.set(path, document);
  }
  return document;
}
