// Gives every operation of a bundle its Redocly `x-codeSamples`: a curl call generated from the
// spec and the typechecked TypeScript file from samples/<service>/<operation>.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { curlSample } from './curl-sample.mjs';
import { listOperations } from './operations.mjs';

/** `CreateQuotasOrder` → `createQuotasOrder`, the client method and the sample file name. */
export function clientMethodName(operationId) {
  return operationId.charAt(0).toLowerCase() + operationId.slice(1);
}

/**
 * @param {object} copy the docs' copy of a bundled OpenAPI document, modified in place
 * @param {{ id: string }} service
 * @param {string} samplesDir the folder holding one sub-folder of .ts samples per service
 */
export function addCodeSamples(copy, service, samplesDir) {
  const serviceDir = join(samplesDir, service.id);
  const expected = new Set();
  for (const op of listOperations(copy)) {
    const file = join(serviceDir, `${clientMethodName(op.operationId)}.ts`);
    expected.add(file);
    if (!existsSync(file))
      throw new Error(`${op.operationId} has no TypeScript sample: create ${file}`);
    op.operation['x-codeSamples'] = [
      // Labels must match the languages listed in redocly.yaml, or Redoc 3 hides the sample.
      { lang: 'Shell', label: 'curl', source: curlSample(copy, op) },
      { lang: 'TypeScript', label: 'TypeScript', source: readFileSync(file, 'utf8') },
    ];
  }
  // A sample for an operation the spec no longer has would be typechecked but never shown.
  const orphans = existsSync(serviceDir)
    ? readdirSync(serviceDir)
        .map((name) => join(serviceDir, name))
        .filter((file) => file.endsWith('.ts') && !expected.has(file))
    : [];
  if (orphans.length)
    throw new Error(`samples for no ${service.id} operation: ${orphans.join(', ')}`);
}
