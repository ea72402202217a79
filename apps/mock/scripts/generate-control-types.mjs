// Writes src/generated/control-api.ts: openapi-typescript's types of the control API document
// (`@hwsec/spec/control/mock-control.json`, bundled from spec/control/), which the typed control
// client (src/control-client.ts) is written against. Run by the `generate` task before build.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const documentFile = fileURLToPath(import.meta.resolve('@hwsec/spec/control/mock-control.json'));
const outDir = fileURLToPath(new URL('../src/generated/', import.meta.url));

const document = JSON.parse(readFileSync(documentFile, 'utf8'));
const ast = await openapiTS(document, { alphabetize: false, defaultNonNullable: false });
mkdirSync(outDir, { recursive: true });
writeFileSync(
  new URL('control-api.ts', `file://${outDir}`),
  `// Generated from @hwsec/spec/control/mock-control.json by scripts/generate-control-types.mjs. Do not edit.\n/* eslint-disable */\n${astToString(ast)}`,
);
console.log('generated src/generated/control-api.ts from the control API document');
