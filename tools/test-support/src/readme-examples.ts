// A client's README shows the files in its examples/ (typechecked by its `pnpm typecheck`)
// verbatim, one per credential kind, and each calls every operation of the service. Each one is
// also run against the real mock (signatures verified) with only the documented variables set.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedEnv, runSample, typescriptBlocks } from './run-sample.js';

interface RunningMock {
  readonly urls: Readonly<Partial<Record<string, string>>>;
  close(): Promise<void>;
}

/**
 * `packageUrl`: the client package's folder, e.g. `new URL('../', import.meta.url)`; `startMock`:
 * @hwsec/mock's, started with signature checking and every service on a free port (passed in:
 * this package depends on no @hwsec package).
 */
const CREDENTIAL_EXAMPLES = ['aksk.ts', 'token.ts'];

export function describeReadmeExamples(
  packageUrl: URL,
  operations: Record<string, unknown>,
  startMock: (options: { verifySignatures: true }) => Promise<RunningMock>,
): void {
  const read = (path: string) => readFileSync(new URL(path, packageUrl), 'utf8');
  const readme = read('README.md');
  const examples = readdirSync(new URL('examples/', packageUrl)).filter((name) =>
    name.endsWith('.ts'),
  );

  describe('README', () => {
    let mock: RunningMock;
    beforeAll(async () => {
      mock = await startMock({ verifySignatures: true });
    });
    afterAll(async () => mock?.close());

    it('has both credential kinds as example files', () => {
      expect(examples).toEqual(expect.arrayContaining(['aksk.ts', 'token.ts']));
    });
    it('shows no TypeScript sample that is not an example file (so every sample runs)', () => {
      const sources = examples.map((name) => read(`examples/${name}`).trim());
      for (const block of typescriptBlocks(readme)) expect(sources).toContain(block.trim());
    });
    for (const name of examples) {
      const source = read(`examples/${name}`);
      it(`shows examples/${name} verbatim`, () => {
        expect(readme).toContain(source.trim());
      });
      // The credential-kind examples are the tour of the API; others (a recipe) may use part of it.
      if (CREDENTIAL_EXAMPLES.includes(name))
        it(`examples/${name} calls every operation`, () => {
          for (const operationId of Object.keys(operations)) {
            expect(source).toContain(`.${operationId[0]!.toLowerCase()}${operationId.slice(1)}(`);
          }
        });
      it(`examples/${name} runs against the mock with only the documented variables`, async () => {
        const run = await runSample(source, {
          cwd: fileURLToPath(packageUrl),
          env: documentedEnv(mock.urls, source),
        });
        expect(run.stderr).toBe('');
        expect(run.exitCode).toBe(0);
        expect(run.stdout).not.toBe('');
      });
    }
  });
}
