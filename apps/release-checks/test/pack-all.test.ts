/**
 * The install the root README documents, done exactly as written: `pnpm pack:all` (its CLI),
 * then the README's `npm install <clone>/dist/packages/hwsec-core-*.tgz <clone>/dist/packages/hwsec-hss-*.tgz`
 * line, run by a shell in a fresh project outside the workspace, then the client used from there
 * against the mock with only the documented variables.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock, type RunningMock } from '@hwsec/mock';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertIsolated, isolatedEnv } from '../src/tarball/consumer-project.js';
import { runCommand } from '../src/tarball/run-command.js';
import { REPO_ROOT } from '../src/spec-layout.js';

let mock: RunningMock;
let workDir: string;
beforeAll(async () => {
  mock = await startMock({ ports: { hss: 0 }, services: ['hss'], verifySignatures: true });
  workDir = mkdtempSync(join(tmpdir(), 'hwsec-pack-all-'));
});
afterAll(async () => {
  await mock?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

// Seven packages packed one at a time, then an npm install: minutes when every suite of
// `pnpm test` shares the two cores, seconds alone.
it(
  'pack:all, then the README install line, installs a client with its core from the tarballs',
  { timeout: 600_000 },
  async () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const line =
      /^npm install <clone>\/dist\/packages\/hwsec-core-\*\.tgz <clone>\/dist\/packages\/hwsec-hss-\*\.tgz$/m.exec(
        readme,
      )?.[0];
    expect(line, 'the README documents the install line').toBeDefined();
    expect(readme).toMatch(/^pnpm pack:all\b/m);
    const rootScripts = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).scripts;
    expect(rootScripts['pack:all']).toContain('node apps/release-checks/dist/cli/pack-all.js');

    // pack:all as the root script runs it (after its build), into <clone>/dist/packages of a
    // stand-in clone folder so the README line can be used with only <clone> replaced.
    const clone = join(workDir, 'clone');
    const { stdout } = await runCommand(
      process.execPath,
      [
        join(REPO_ROOT, 'apps/release-checks/dist/cli/pack-all.js'),
        '--out',
        join(clone, 'dist', 'packages'),
      ],
      { cwd: REPO_ROOT, timeoutMs: 300_000 },
    );
    expect(stdout).toMatch(/packed @hwsec\/core@/);

    const project = join(workDir, 'my-app');
    assertIsolated(project);
    await runCommand('mkdir', ['-p', project], { cwd: workDir });
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'my-app', version: '1.0.0', private: true, type: 'module' }),
    );
    await runCommand(
      'sh',
      [
        '-c',
        `${line!.replaceAll('<clone>', clone)} --offline --no-audit --no-fund --loglevel=error`,
      ],
      {
        cwd: project,
        env: isolatedEnv(),
        timeoutMs: 180_000,
      },
    );
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8'));
    expect(
      Object.keys(lock.packages)
        .filter((p) => p.includes('@hwsec/'))
        .sort(),
    ).toEqual(['node_modules/@hwsec/core', 'node_modules/@hwsec/hss']);

    writeFileSync(
      join(project, 'app.mjs'),
      `import { createHssClient } from '@hwsec/hss';
const hss = createHssClient({ region: 'cn-north-4' });
const { data, error } = await hss.showResourceQuotas({ params: { query: { version: 'hss.version.basic' } } });
if (error) throw new Error(JSON.stringify(error));
console.log(JSON.stringify(data));
`,
    );
    const run = await runCommand(process.execPath, ['app.mjs'], {
      cwd: project,
      env: {
        PATH: process.env['PATH'],
        HWSEC_HSS_BASE_URL: mock.urls.hss,
        HUAWEICLOUD_SDK_AK: 'AKTESTEXAMPLE0000000',
        HUAWEICLOUD_SDK_SK: 'SKtestexample0000000000000000000000000000',
        HUAWEICLOUD_SDK_PROJECT_ID: '0123456789abcdef0123456789abcdef',
      },
    });
    expect(JSON.parse(run.stdout)).toHaveProperty('data_list');
  },
);
