// What the browser test expects to see, derived from the same bundles the build renders, so a
// spec change that the site fails to show fails the test.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { clientMethodName } from '../src/code-samples.mjs';
import { firstExample, listOperations, resolveRef } from '../src/operations.mjs';
import { operationAnchor, referencePage } from '../src/pages.mjs';
import { services } from '../src/services.mjs';

export const appDir = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

export interface ExpectedOperation {
  service: (typeof services)[number];
  page: string;
  /** `#/<tag>/<operationid>`; Redoc's element id for the operation is the part after `#/`. */
  anchor: string;
  method: string;
  path: string;
  operationId: string;
  summary: string;
  parameterNames: string[];
  /** The request example the curl sample must carry (top-level fields), if the operation has a body. */
  requestExample: Record<string, unknown> | undefined;
  /** The summaries of the named request examples Redoc offers. */
  requestExampleSummaries: string[];
  /** Top-level fields of the 200 response example. */
  responseExampleFields: string[];
  typescriptSample: string;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export const expectedOperations: ExpectedOperation[] = services.flatMap((service) => {
  const doc = parse(readFileSync(require.resolve(`@hwsec/spec/${service.id}.yaml`), 'utf8'));
  return listOperations(doc).map((op): ExpectedOperation => {
    const requestBody = resolveRef(doc, op.operation.requestBody ?? {});
    const requestMedia = Object.values(requestBody.content ?? {})[0] as
      Record<string, unknown> | undefined;
    const ok = resolveRef(doc, op.operation.responses?.['200'] ?? {});
    const okMedia = Object.values(ok.content ?? {})[0];
    return {
      service,
      page: referencePage(service),
      anchor: operationAnchor(op),
      method: op.method,
      path: op.path,
      operationId: op.operationId,
      summary: op.summary,
      parameterNames: op.parameters.map((p) => String(p['name'])),
      requestExample: asObject(firstExample(doc, requestMedia)),
      requestExampleSummaries: Object.values(
        (requestMedia?.examples ?? {}) as Record<string, unknown>,
      ).map((example) => resolveRef(doc, example).summary as string),
      responseExampleFields: Object.keys(asObject(firstExample(doc, okMedia)) ?? {}),
      typescriptSample: readFileSync(
        join(appDir, 'samples', service.id, `${clientMethodName(op.operationId)}.ts`),
        'utf8',
      ),
    };
  });
});
