// The bundled OpenAPI documents of @hwsec/spec (its `bundle` task writes them), read as plain
// JSON: every case in this suite is derived from these files, never restated by hand.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { JsonSchema } from './json-schema.js';

export const API_NAMES = ['hss', 'dsc', 'secmaster'] as const;
export type ApiName = (typeof API_NAMES)[number];

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, JsonSchema>; [section: string]: unknown };
  [key: string]: unknown;
}

const require = createRequire(import.meta.url);
const cache = new Map<ApiName, OpenApiDocument>();

export function bundlePath(api: ApiName): string {
  return require.resolve(`@hwsec/spec/${api}.json`);
}

export function loadBundle(api: ApiName): OpenApiDocument {
  let document = cache.get(api);
  if (!document) {
    document = JSON.parse(readFileSync(bundlePath(api), 'utf8')) as OpenApiDocument;
    cache.set(api, document);
  }
  return document;
}
