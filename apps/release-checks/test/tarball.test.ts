/**
 * What a user gets from `npm install @hwsec/hss`: every published package is packed as
 * `pnpm publish` would, installed with npm into a fresh project outside the workspace, used from
 * TypeScript under `moduleResolution: bundler` and `node16`, and run against the mock with AK/SK
 * signatures checked. Nothing from the workspace is reachable from that project.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock, type RunningMock } from '@hwsec/mock';
import { documentedEnv, runSample } from '@hwsec/test-support/run-sample';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCommand } from '../src/tarball/run-command.js';
import { isolatedEnv } from '../src/tarball/consumer-project.js';
import {
  CONSUMER_APIS,
  CONSUMER_FILE,
  CONSUMER_SOURCE,
  consumerCalls,
  urlVariable,
} from '../src/tarball/consumer-source.js';
import { PUBLISHED_PACKAGES } from '../src/tarball/published-packages.js';
import { verifyTarballs } from '../src/tarball/verify-tarballs.js';
import { successBodies, successExamples } from './support/spec-examples.js';
import { apiIds } from '@hwsec/spec';

let mock: RunningMock;
let workDir: string;

beforeAll(async () => {
  mock = await startMock({
    ports: Object.fromEntries(apiIds().map((id) => [id, 0])),
    verifySignatures: true,
  });
  workDir = mkdtempSync(join(tmpdir(), 'hwsec-tarballs-'));
});

afterAll(async () => {
  await mock?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

// Packs seven packages, installs them with npm and typechecks a consumer of all of them twice:
// minutes on a loaded 2-core machine, so its own time limit (the suite's 3 minutes is for tests
// that do one thing).
it(
  'installs from the tarballs alone, typechecks under bundler and node16, and calls the mock',
  { timeout: 600_000 },
  async () => {
    const result = await verifyTarballs({
      packageDirs: PUBLISHED_PACKAGES.map((pkg) => pkg.dir),
      workDir,
      consumer: { [CONSUMER_FILE]: CONSUMER_SOURCE },
      runEnv: Object.fromEntries(
        CONSUMER_APIS.map((api) => [urlVariable(api.id), mock.urls[api.id]]),
      ),
    });
    console.log(`tarball check timings (ms): ${JSON.stringify(result.timingsMs)}`);

    expect(result.tarballs.map((t) => t.name).sort()).toEqual(
      PUBLISHED_PACKAGES.map((p) => p.name).sort(),
    );
    for (const tarball of result.tarballs) {
      // Only what users need ships: build output and docs, never sources, tests or generated inputs.
      expect(
        tarball.files.filter((file) => /^(src|test|tooling)\//.test(file)),
        tarball.name,
      ).toEqual([]);
    }
    for (const tarball of result.tarballs) {
      // Changesets writes each package's CHANGELOG.md (`pnpm version-packages`); it ships.
      expect(tarball.files, tarball.name).toContain('CHANGELOG.md');
    }
    const clients = result.tarballs.filter((t) => !['@hwsec/core', '@hwsec/spec'].includes(t.name));
    // Every client the registry names is published, and nothing else is a client.
    expect(clients.map((c) => c.name).sort()).toEqual(
      CONSUMER_APIS.map((api) => api.client!.package).sort(),
    );
    for (const client of clients) {
      // Every example of the client ships, and runs from the installed package (below).
      expect(
        client.files.filter((file) => file.startsWith('examples/')),
        client.name,
      ).not.toEqual([]);
    }
    const examples = clients.flatMap((client) => {
      const dir = join(result.projectDir, 'node_modules', client.name, 'examples');
      return readdirSync(dir).map((file) => ({
        name: `${client.name}/examples/${file}`,
        dir,
        file,
      }));
    });
    for (const { name, dir, file } of examples) {
      const source = readFileSync(join(dir, file), 'utf8');
      const run = await runSample(source, {
        cwd: result.projectDir,
        env: documentedEnv(mock.urls, source),
      });
      expect({ name, stderr: run.stderr, exitCode: run.exitCode }).toEqual({
        name,
        stderr: '',
        exitCode: 0,
      });
    }

    // The packages are ESM; a CommonJS project can still `require()` them on Node >= 20.19.
    writeFileSync(
      join(result.projectDir, 'require-check.cjs'),
      `const { createHssClient, unwrap } = require('@hwsec/hss');
const hss = createHssClient({ baseUrl: process.env.HWSEC_HSS_URL, projectId: '0123456789abcdef0123456789abcdef', credentials: { token: 'IAM-TOKEN' } });
hss.showResourceQuotas({ params: { query: { version: 'hss.version.basic' } } })
  .then((result) => console.log(JSON.stringify(unwrap(result))));
`,
    );
    const required = await runCommand(process.execPath, ['require-check.cjs'], {
      cwd: result.projectDir,
      env: isolatedEnv({ HWSEC_HSS_URL: mock.urls.hss }),
    });
    expect(JSON.parse(required.stdout)).toEqual(
      successExamples('hss', '/v5/{project_id}/billing/quotas', 'get')[0],
    );

    const spec = result.tarballs.find((t) => t.name === '@hwsec/spec')!;
    expect(spec.files).toEqual(
      expect.arrayContaining(apiIds().flatMap((id) => [`dist/${id}.json`, `dist/${id}.yaml`])),
    );

    // One signed call per operation of every client, answered with the spec's success example.
    const output = JSON.parse(result.output!);
    for (const api of CONSUMER_APIS) {
      for (const { operationId } of consumerCalls(api.id)) {
        expect(successBodies(api.id, operationId), `${api.id} ${operationId}`).toContainEqual(
          output.results[api.id][operationId],
        );
      }
    }
    expect(output.checks).toEqual({
      apiErrorClass: true,
      plainErrorIsHwsecError: false,
      signer: true,
    });
  },
);
