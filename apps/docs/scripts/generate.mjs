// Writes src/generated/samples/<service>/<operation>/<example>.ts: the TypeScript sample of each
// operation with several named request examples, once per example (src/code-samples.mjs). They
// are what the reference pages show; `typecheck` checks them against the real clients.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { bundleFile } from '../src/bundles.mjs';
import { operationSamples, typescriptSampleFile } from '../src/code-samples.mjs';
import { listOperations } from '../src/operations.mjs';
import { generatedSampleFile, generatedSampleHeader } from '../src/generated-samples.mjs';
import { services } from '../src/services.mjs';
import { siteLanguages } from '../src/site-languages.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const samplesDir = join(appDir, 'samples');
rmSync(join(appDir, 'src', 'generated', 'samples'), { recursive: true, force: true });
let count = 0;
// Code does not depend on the language (a translation changes no fact): English is enough.
const [english] = siteLanguages;
for (const service of services) {
  const doc = parse(readFileSync(bundleFile(service, english), 'utf8'));
  for (const op of listOperations(doc)) {
    const source = readFileSync(typescriptSampleFile(samplesDir, service, op), 'utf8');
    for (const sample of operationSamples(doc, op, source)) {
      if (sample.lang !== 'TypeScript' || !sample.exampleKey) continue;
      const file = generatedSampleFile(appDir, service, op, sample.exampleKey);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, `${generatedSampleHeader(service, op, sample.exampleKey)}${sample.code}`);
      count += 1;
    }
  }
}
console.log(`docs: generated ${count} TypeScript samples, one per named request example`);
