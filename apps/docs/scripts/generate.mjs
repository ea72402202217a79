// Writes src/generated/samples/: the TypeScript samples the reference pages show and
// `typecheck` checks against the real clients. For each site language (English at the top, each
// translation in its folder, `zh-CN/`) and each operation of an API with a client:
//   <service>/<operation>.ts            the sample generated from the spec (src/typescript-sample.mjs),
//                                       unless samples/<service>/<operation>[.<lang>].ts replaces it;
//   <service>/<operation>/<example>.ts  once per named request example, when there are several.
// A client the spec names (x-hwsec-client) must be a devDependency of this app, or its samples
// could not be typechecked: the script fails naming the missing entry.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { bundleFile } from '../src/bundles.mjs';
import { operationSamples, typescriptSample } from '../src/code-samples.mjs';
import { listOperations } from '../src/operations.mjs';
import {
  generatedSampleFile,
  generatedSampleHeader,
  generatedOperationSampleFile,
  generatedOperationSampleHeader,
} from '../src/generated-samples.mjs';
import { services } from '../src/services.mjs';
import { siteLanguages } from '../src/site-languages.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const samplesDir = join(appDir, 'samples');
const { devDependencies = {} } = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8'));
const missing = services
  .filter((service) => service.clientPackage && !(service.clientPackage in devDependencies))
  .map((service) => `"${service.clientPackage}": "workspace:*"`);
if (missing.length)
  throw new Error(
    `the docs typecheck every client's samples: add ${missing.join(', ')} to devDependencies of apps/docs/package.json`,
  );

rmSync(join(appDir, 'src', 'generated', 'samples'), { recursive: true, force: true });
const write = (file, text) => {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
};
let count = 0;
for (const language of siteLanguages) {
  for (const service of services) {
    const doc = parse(readFileSync(bundleFile(service, language), 'utf8'));
    for (const op of listOperations(doc)) {
      const { source, handWritten } = typescriptSample(doc, service, op, samplesDir, language);
      if (source === undefined) continue;
      if (!handWritten) {
        write(
          generatedOperationSampleFile(appDir, service, op, language),
          `${generatedOperationSampleHeader(service, op)}${source}`,
        );
        count += 1;
      }
      for (const sample of operationSamples(doc, op, source, service, language)) {
        if (sample.lang !== 'TypeScript' || !sample.exampleKey) continue;
        write(
          generatedSampleFile(appDir, service, op, sample.exampleKey, language),
          `${generatedSampleHeader(service, op, sample.exampleKey, handWritten, language)}${sample.code}`,
        );
        count += 1;
      }
    }
  }
}
console.log(`docs: generated ${count} TypeScript samples from the spec`);
