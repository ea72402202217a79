// Every TypeScript sample a new user meets outside the client packages (the root README, the docs
// samples shown in the references, the landing page as built) runs against the real mock,
// signatures verified, with only the documented variables set. The package READMEs and examples
// run in each client's own readme test, with the same runner.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMock, type RunningMock } from '@hwsec/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedEnv, runSample, typescriptBlocks } from '@hwsec/test-support/run-sample';
import { apiIds } from '@hwsec/spec';
import { unescapeHtml } from './support/documented-commands.js';

const here = fileURLToPath(new URL('..', import.meta.url));
const repo = join(here, '..', '..');
const docsDir = dirname(createRequire(import.meta.url).resolve('@hwsec/docs/package.json'));

const samples: Array<{ name: string; source: string; cwd: string }> = [
  ...typescriptBlocks(readFileSync(join(repo, 'README.md'), 'utf8')).map((source, index) => ({
    name: `README.md sample ${index + 1}`,
    source,
    cwd: here,
  })),
  // The docs' TypeScript samples: the ones generated from the spec (one per operation of an API
  // with a client, and one per named request example) and the hand-written ones replacing some.
  ...['src/generated/samples', 'samples'].flatMap((folder) =>
    readdirSync(join(docsDir, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .sort()
      .map((file) => ({
        name: `apps/docs/${folder}/${file}`,
        source: readFileSync(join(docsDir, folder, file), 'utf8'),
        cwd: docsDir,
      })),
  ),
  ...[
    ...readFileSync(join(docsDir, 'dist', 'index.html'), 'utf8').matchAll(
      /<pre><code>([\s\S]*?)<\/code><\/pre>/g,
    ),
  ]
    .map((match) => unescapeHtml(match[1]!))
    .filter((code) => /^import /m.test(code))
    .map((source, index) => ({ name: `landing page sample ${index + 1}`, source, cwd: docsDir })),
];

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({
    ports: Object.fromEntries(apiIds().map((id) => [id, 0])),
    verifySignatures: true,
  });
});
afterAll(async () => mock?.close());

describe('every documented sample runs against the mock unchanged', () => {
  it('finds the samples (root README, the docs samples generated and hand-written, the landing page)', () => {
    const names = samples.map((s) => s.name);
    expect(names.filter((n) => n.startsWith('README.md')).length).toBeGreaterThan(0);
    expect(
      names.filter((n) => n.startsWith('apps/docs/src/generated/samples/')).length,
    ).toBeGreaterThan(0);
    expect(names.filter((n) => n.startsWith('apps/docs/samples/')).length).toBeGreaterThan(0);
    expect(names.filter((n) => n.startsWith('landing page')).length).toBeGreaterThan(0);
  });

  for (const { name, source, cwd } of samples) {
    it(name, async () => {
      const run = await runSample(source, { cwd, env: documentedEnv(mock.urls, source) });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).not.toBe('');
    });
  }
});
