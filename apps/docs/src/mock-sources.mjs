// Where the "Testing a flow" page and the control API reference read what they show, each from
// the one file that states it: the mock's README (how to start it stateful, the rules it applies
// where the services' docs are silent), its example (typechecked and run by the mock's tests) and
// the control API document @hwsec/spec bundles. The one place that knows the mock's file layout;
// turbo.json lists the same files as the build's inputs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const mockDir = new URL('../../mock/', import.meta.url);

export const flowExampleFile = fileURLToPath(new URL('examples/testing-a-flow.ts', mockDir));

export const mockReadmeFile = fileURLToPath(new URL('README.md', mockDir));

export const controlDocumentFile = fileURLToPath(
  import.meta.resolve('@hwsec/spec/control/mock-control.json'),
);

export function readControlDocument() {
  return JSON.parse(readFileSync(controlDocumentFile, 'utf8'));
}
