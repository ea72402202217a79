// Where the "Testing a flow" page and the control API reference read what they show, each from
// the one file that states it: the mock's README (how to start it stateful, the rules it applies
// where the services' docs are silent), its examples (typechecked and run by the mock's tests) and
// the control API document @hwsec/spec bundles, each resolved through the package that ships it
// (the mock exports its README and examples). The docs build depends on @hwsec/mock's, so an edit
// to any of these files rebuilds the docs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const flowExampleFile = fileURLToPath(
  import.meta.resolve('@hwsec/mock/examples/testing-a-flow.test.ts'),
);

/** The "Simulating a lost answer" example (faults armed through the control API). */
export const lostAnswerExampleFile = fileURLToPath(
  import.meta.resolve('@hwsec/mock/examples/lost-answer.ts'),
);

export const mockReadmeFile = fileURLToPath(import.meta.resolve('@hwsec/mock/README.md'));

export const controlDocumentFile = fileURLToPath(
  import.meta.resolve('@hwsec/spec/control/mock-control.json'),
);

export function readControlDocument() {
  return JSON.parse(readFileSync(controlDocumentFile, 'utf8'));
}
