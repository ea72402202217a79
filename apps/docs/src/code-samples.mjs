// Gives every operation of a bundle its Redocly `x-codeSamples`: the typechecked TypeScript file
// from samples/<service>/<operation>.ts first, then a curl call generated from the spec. An
// operation with several named request examples gets one pair per example, named after it, and
// loses Redoc's separate example selector, which code samples cannot follow: what a reader picks
// is then always what the sample sends.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { curlSample } from './curl-sample.mjs';
import { listOperations, resolveRef } from './operations.mjs';
import { withBody } from './sample-variants.mjs';

/** `CreateQuotasOrder` → `createQuotasOrder`, the client method and the sample file name. */
export function clientMethodName(operationId) {
  return operationId.charAt(0).toLowerCase() + operationId.slice(1);
}

/** The operation's JSON request body media type and its named examples, resolved. */
export function namedRequestExamples(doc, op) {
  const requestBody = resolveRef(doc, op.operation.requestBody ?? {});
  const [, mediaType] = Object.entries(requestBody.content ?? {})[0] ?? [];
  const examples = Object.entries(mediaType?.examples ?? {}).map(([key, raw]) => {
    const example = resolveRef(doc, raw);
    return {
      key,
      summary: example.summary ?? key,
      description: example.description,
      value: example.value,
    };
  });
  return { mediaType, examples };
}

/** Only operations with two or more named request examples get one sample per example. */
export function hasSamplePerExample(examples) {
  return examples.length > 1;
}

/** The example's description as comment lines above its sample, in the page's language. */
export function sampleComment(prefix, text) {
  return text
    ? `${text
        .trim()
        .split('\n')
        .map((line) => `${prefix} ${line}`.trimEnd())
        .join('\n')}\n`
    : '';
}

/**
 * The samples of one operation, in the order Redoc lists them.
 * @returns {Array<{ lang: string, label: string, source: string, exampleKey?: string,
 *   code?: string }>} `exampleKey`: the named example a per-example sample sends; `code`: a
 *   per-example TypeScript sample without its comment (what `generate` writes and typechecks)
 */
export function operationSamples(doc, op, typescriptSource) {
  const method = clientMethodName(op.operationId);
  const { examples } = namedRequestExamples(doc, op);
  if (!hasSamplePerExample(examples)) {
    return [
      { lang: 'TypeScript', label: 'TypeScript', source: typescriptSource },
      { lang: 'Shell', label: 'curl', source: curlSample(doc, op) },
    ];
  }
  return [
    ...examples.map((example) => {
      const code = withBody(typescriptSource, method, example.value);
      return {
        lang: 'TypeScript',
        label: `TypeScript · ${example.summary}`,
        exampleKey: example.key,
        code,
        source: `${sampleComment('//', example.description)}${code}`,
      };
    }),
    ...examples.map((example) => ({
      lang: 'Shell',
      label: `curl · ${example.summary}`,
      exampleKey: example.key,
      source: `${sampleComment('#', example.description)}${curlSample(doc, op, { body: example.value })}`,
    })),
  ];
}

export function typescriptSampleFile(samplesDir, service, op) {
  return join(samplesDir, service.id, `${clientMethodName(op.operationId)}.ts`);
}

/**
 * @param {object} copy the docs' copy of a bundled OpenAPI document, modified in place
 * @param {{ id: string }} service
 * @param {string} samplesDir the folder holding one sub-folder of .ts samples per service
 * @returns {string[]} the labels of the samples, for Redoc's list of languages
 */
export function addCodeSamples(copy, service, samplesDir) {
  const serviceDir = join(samplesDir, service.id);
  const expected = new Set();
  const labels = [];
  for (const op of listOperations(copy)) {
    const file = typescriptSampleFile(samplesDir, service, op);
    expected.add(file);
    if (!existsSync(file))
      throw new Error(`${op.operationId} has no TypeScript sample: create ${file}`);
    const samples = operationSamples(copy, op, readFileSync(file, 'utf8'));
    op.operation['x-codeSamples'] = samples.map(({ lang, label, source }) => ({
      lang,
      label,
      source,
    }));
    labels.push(...samples.map((sample) => sample.label));
    const { mediaType, examples } = namedRequestExamples(copy, op);
    if (hasSamplePerExample(examples)) delete mediaType.examples;
  }
  // A sample for an operation the spec no longer has would be typechecked but never shown.
  const orphans = existsSync(serviceDir)
    ? readdirSync(serviceDir)
        .map((name) => join(serviceDir, name))
        .filter((file) => file.endsWith('.ts') && !expected.has(file))
    : [];
  if (orphans.length)
    throw new Error(`samples for no ${service.id} operation: ${orphans.join(', ')}`);
  return labels;
}
