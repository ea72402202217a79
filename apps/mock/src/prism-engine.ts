/**
 * One Prism instance per service, built with Prism's own JS API (the same pieces `prism mock`
 * and `prism proxy` use), so every answer, example choice and validation verdict is Prism's.
 */
import './lazy-faker.js';
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
const jsonSchemaFaker = createRequire(require.resolve('@stoplight/prism-http'))('json-schema-faker') as {
  JSONSchemaFaker: { option(options: Record<string, unknown>): void };
};

export async function createPrismEngine(options: EngineOptions): Promise<PrismEngine> {
  const operations = await getHttpOperationsFromSpec(options.document);
  if (operations.length === 0) throw new Error(`no operations found in ${options.document}`);
  // Dynamic mode would otherwise invent extra properties on every object that does not say
  // additionalProperties: false (the mock should only answer with fields the spec has), and
  // fill arrays up to their maxItems: 200 quota entries × 200 resources each is a 4 MB body.
  jsonSchemaFaker.JSONSchemaFaker.option({ fillProperties: false, maxItems: DYNAMIC_MAX_ITEMS });

  const shared = {
    checkSecurity: true,
    validateRequest: true,
    validateResponse: true,
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
