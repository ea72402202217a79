/**
 * What a user gets from `npm install @hwsec/hss`: every published package is packed as
 * `pnpm publish` would, installed with npm into a fresh project outside the workspace, used from
 * TypeScript under `moduleResolution: bundler` and `node16`, and run against the mock with AK/SK
 * signatures checked. Nothing from the workspace is reachable from that project.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock, type RunningMock } from '@hwsec/mock';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONSUMER_FILE, CONSUMER_SOURCE } from '../src/tarball/consumer-source.js';
import { PUBLISHED_PACKAGES } from '../src/tarball/published-packages.js';
import { verifyTarballs } from '../src/tarball/verify-tarballs.js';
import { successExamples } from './support/spec-examples.js';

let mock: RunningMock;
let workDir: string;

beforeAll(async () => {
  mock = await startMock({ ports: { hss: 0, dsc: 0, secmaster: 0 }, verifySignatures: true });
  workDir = mkdtempSync(join(tmpdir(), 'hwsec-tarballs-'));
});

afterAll(async () => {
  await mock?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

it('installs from the tarballs alone, typechecks under bundler and node16, and calls the mock', async () => {
  const result = await verifyTarballs({
    packageDirs: PUBLISHED_PACKAGES.map((pkg) => pkg.dir),
    workDir,
    consumer: { [CONSUMER_FILE]: CONSUMER_SOURCE },
    runEnv: {
      HWSEC_HSS_URL: mock.urls.hss,
      HWSEC_DSC_URL: mock.urls.dsc,
      HWSEC_SECMASTER_URL: mock.urls.secmaster,
    },
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
  const spec = result.tarballs.find((t) => t.name === '@hwsec/spec')!;
  expect(spec.files).toEqual(
    expect.arrayContaining(['dist/hss.json', 'dist/dsc.yaml', 'dist/secmaster.json']),
  );

  const output = JSON.parse(result.output!);
  expect(output.hss.order).toEqual(
    successExamples('hss', '/v5/{project_id}/quotas/orders', 'post')[0],
  );
  expect(output.hss.quotas).toEqual(
    successExamples('hss', '/v5/{project_id}/billing/quotas', 'get')[0],
  );
  expect(output.dsc).toEqual(successExamples('dsc', '/v1/{project_id}/period/order', 'post')[0]);
  expect(
    successExamples('secmaster', '/v1/{project_id}/subscriptions/orders', 'put'),
  ).toContainEqual(output.secmaster);
  expect(output.checks).toEqual({
    apiErrorClass: true,
    plainErrorIsHwsecError: false,
    signer: true,
  });
});
