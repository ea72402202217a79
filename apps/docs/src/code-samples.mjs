// Gives every operation of a bundle its Redocly `x-codeSamples`: a TypeScript sample first (for
// an API with a client), then a curl call, both generated from the spec, then the curl call
// against the local mock that runs as shown. Comments, and the language the service is asked to
// answer in, follow the page's language. A hand-written samples/<service>/<operation>.ts (and
// its translation, <operation>.<language>.ts) replaces the generated TypeScript where it says more. An
// operation with several named request examples gets one pair per example, named after it, and
// loses Redoc's separate example selector, which code samples cannot follow: what a reader picks
// is then always what the sample sends. Every TypeScript sample shown is typechecked against the
// real client (`generate` writes the generated ones to src/generated/samples/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { curlSample } from './curl-sample.mjs';
import { listOperations, resolveRef } from './operations.mjs';
import { withBody } from './sample-variants.mjs';
import { clientMethodName, generatedTypescriptSample } from './typescript-sample.mjs';

export { clientMethodName };

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
 * @param {{ mockPort: number }} service
 * @param {{ code: string, folder: string, text: Record<string, any> }} language the page's language
 * @returns {Array<{ lang: string, label: string, source: string, exampleKey?: string,
 *   code?: string }>} `exampleKey`: the named example a per-example sample sends; `code`: a
 *   per-example TypeScript sample without its comment (what `generate` writes and typechecks)
 */
export function operationSamples(doc, op, typescriptSource, service, language) {
  const method = clientMethodName(op.operationId);
  const { examples } = namedRequestExamples(doc, op);
  // One call against the mock per operation, with the example a reader sees first.
  const mockSample = {
    lang: 'Shell',
    label: `curl · ${language.text.mockSampleLabel}`,
    source: curlSample(doc, op, language, {
      mockPort: service.mockPort,
      ...(examples.length ? { body: examples[0].value } : {}),
    }),
  };
  if (!hasSamplePerExample(examples)) {
    return [
      ...(typescriptSource === undefined
        ? []
        : [{ lang: 'TypeScript', label: 'TypeScript', source: typescriptSource }]),
      { lang: 'Shell', label: 'curl', source: curlSample(doc, op, language) },
      mockSample,
    ];
  }
  return [
    ...(typescriptSource === undefined ? [] : examples).map((example) => {
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
      source: `${sampleComment('#', example.description)}${curlSample(doc, op, language, { body: example.value })}`,
    })),
    mockSample,
  ];
}

/** Where a hand-written sample replacing the generated one lives, in the page's language. */
export function typescriptSampleFile(samplesDir, service, op, language) {
  const suffix = language.folder ? `.${language.code}` : '';
  return join(samplesDir, service.id, `${clientMethodName(op.operationId)}${suffix}.ts`);
}

/**
 * The TypeScript sample of an operation: the hand-written one where there is one, else the one
 * generated from the spec; undefined for an API without a client.
 * @returns {{ source: string | undefined, handWritten: boolean }}
 */
export function typescriptSample(doc, service, op, samplesDir, language) {
  const file = typescriptSampleFile(samplesDir, service, op, language);
  const english = typescriptSampleFile(samplesDir, service, op, { folder: '' });
  if (existsSync(english)) {
    if (!service.clientPackage)
      throw new Error(`${english}: ${service.id} has no client (x-hwsec-client) to call`);
    if (!existsSync(file))
      throw new Error(`${english} has no ${language.code} translation: write ${file}`);
    return { source: readFileSync(file, 'utf8'), handWritten: true };
  }
  return { source: generatedTypescriptSample(doc, service, op, language), handWritten: false };
}

/**
 * @param {object} copy the docs' copy of a bundled OpenAPI document, modified in place
 * @param {{ id: string, mockPort: number }} service
 * @param {string} samplesDir the folder holding one sub-folder of .ts samples per service
 * @param {{ code: string, folder: string, text: Record<string, any> }} language the page's language
 * @returns {string[]} the labels of the samples, for Redoc's list of languages
 */
export function addCodeSamples(copy, service, samplesDir, language) {
  const serviceDir = join(samplesDir, service.id);
  const labels = new Map();
  const known = new Set();
  for (const op of listOperations(copy)) {
    known.add(clientMethodName(op.operationId));
    const samples = operationSamples(
      copy,
      op,
      typescriptSample(copy, service, op, samplesDir, language).source,
      service,
      language,
    );
    op.operation['x-codeSamples'] = samples.map(({ lang, label, source }) => ({
      lang,
      label,
      source,
    }));
    for (const [index, sample] of samples.entries()) {
      // Redoc opens an operation on the first label of its list that the operation has: the
      // list keeps each operation's order (TypeScript, curl, the mock) across operations.
      const rank = index === samples.length - 1 ? 2 : sample.lang === 'TypeScript' ? 0 : 1;
      if (!labels.has(sample.label)) labels.set(sample.label, rank);
    }
    const { mediaType, examples } = namedRequestExamples(copy, op);
    if (hasSamplePerExample(examples)) delete mediaType.examples;
  }
  // A sample for an operation the spec no longer has would be typechecked but never shown.
  const orphans = existsSync(serviceDir)
    ? readdirSync(serviceDir)
        .filter((name) => name.endsWith('.ts') && !known.has(name.split('.')[0]))
        .map((name) => join(serviceDir, name))
    : [];
  if (orphans.length)
    throw new Error(`samples for no ${service.id} operation: ${orphans.join(', ')}`);
  return [...labels].sort(([, a], [, b]) => a - b).map(([label]) => label);
}
