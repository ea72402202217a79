/**
 * One Prism instance per service, built with Prism's own JS API (the same pieces `prism mock`
 * and `prism proxy` use), so every answer, example choice and validation verdict is Prism's.
 */
import './lazy-modules.js';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import prismHttp from '@stoplight/prism-http';
import prismCore from '@stoplight/prism-core';
import type { IHttpConfig, IHttpRequest } from '@stoplight/prism-http';

const { createInstance, getHttpOperationsFromSpec } = prismHttp;

export type HttpOperations = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>;
export type PrismInstance = ReturnType<typeof createInstance>;
export type PrismResult = Awaited<ReturnType<ReturnType<PrismInstance['request']>>>;
export type { IHttpConfig, IHttpRequest };

export interface EngineOptions {
  /** Path of the bundled OpenAPI document. */
  readonly document: string;
  readonly dynamic: boolean;
  readonly seed: string | undefined;
  /** Validating proxy: forward to this upstream and fail responses that break the spec. */
  readonly upstream: string | undefined;
}

export interface PrismEngine {
  readonly operations: HttpOperations;
  readonly instance: PrismInstance;
  readonly config: IHttpConfig;
}

const require = createRequire(import.meta.url);
/** Longest array a dynamic body gets (a schema's own minItems still wins). */
export const DYNAMIC_MAX_ITEMS = 3;
// Prism's own copy of json-schema-faker, reached through prism-http so we configure the very
// instance its dynamic mocker uses.
const jsonSchemaFaker = createRequire(require.resolve('@stoplight/prism-http'))(
  'json-schema-faker',
) as {
  JSONSchemaFaker: { option(options: Record<string, unknown>): void };
};

/**
 * A self-contained JSON bundle is handed to Prism already parsed: about twice as fast to start
 * as letting Prism read and resolve the YAML twin. Other files go to Prism by path, so their
 * relative $refs still resolve.
 */
async function loadDocument(path: string): Promise<string | object> {
  return path.endsWith('.json') ? (JSON.parse(await readFile(path, 'utf8')) as object) : path;
}

export async function createPrismEngine(options: EngineOptions): Promise<PrismEngine> {
  const operations = await getHttpOperationsFromSpec(await loadDocument(options.document));
  if (operations.length === 0) throw new Error(`no operations found in ${options.document}`);
  // Dynamic mode would otherwise invent extra properties on every object that does not say
  // additionalProperties: false (the mock should only answer with fields the spec has), and
  // fill arrays up to their maxItems: 200 quota entries × 200 resources each is a 4 MB body.
  jsonSchemaFaker.JSONSchemaFaker.option({ fillProperties: false, maxItems: DYNAMIC_MAX_ITEMS });

  const shared = {
    checkSecurity: true,
    validateRequest: true,
    // A mocked answer is the spec's own example (checked by the spec's lint) or generated from
    // its schema, so checking it again costs about half of Prism's time per request for nothing.
    // An upstream's answer is what the validating proxy exists to check.
    validateResponse: options.upstream !== undefined,
    upstreamProxy: undefined,
    mock: { dynamic: options.dynamic, seed: options.seed, ignoreExamples: false },
  };
  const config: IHttpConfig = options.upstream
    ? { ...shared, isProxy: true, upstream: new URL(options.upstream), errors: true }
    : { ...shared, isProxy: false, errors: false };
  const logger = prismCore.createLogger('HWSEC-MOCK', { level: 'silent' });
  const instance = createInstance(config, { logger });
  return { operations, instance, config };
}
