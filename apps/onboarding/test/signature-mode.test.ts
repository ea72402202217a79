// The README's (and the landing page's) environment block works unchanged when the mock verifies
// signatures, and the mock says which AK it accepts: its banner names the AK and where the SK
// comes from (never the SK), and its 401 for another AK says where the pair is set.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMock, type RunningMock } from '@hwsec/mock';
import { runSample } from '@hwsec/test-support/run-sample';
import { apiIds } from '@hwsec/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandsOfBlock, shellBlocks } from './support/documented-commands.js';

const here = fileURLToPath(new URL('..', import.meta.url));
const repo = join(here, '..', '..');
const requireHere = createRequire(import.meta.url);
const docsDir = dirname(requireHere.resolve('@hwsec/docs/package.json'));
const mockCli = join(dirname(requireHere.resolve('@hwsec/mock/package.json')), 'dist', 'cli.js');
const DEFAULT_SK = 'SKtestexample0000000000000000000000000000';

/** The variables an `export A=1 B=2` line of a document sets. */
function exportedVariables(file: string): Record<string, string> {
  const text = readFileSync(file, 'utf8');
  const line = shellBlocks(text, file)
    .flatMap(commandsOfBlock)
    .map((c) => c.command)
    .find((c) => c.startsWith('export HWSEC_'));
  if (!line) throw new Error(`${file} shows no export block`);
  return Object.fromEntries(
    line
      .slice('export '.length)
      .split(/\s+/)
      .map((pair) => pair.split('=') as [string, string]),
  );
}

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({
    ports: Object.fromEntries(apiIds().map((id) => [id, 0])),
    verifySignatures: true,
  });
});
afterAll(async () => mock?.close());

const signedCall = `import { createHssClient, unwrap } from '@hwsec/hss';
const hss = createHssClient({ region: 'cn-north-4' });
const quotas = unwrap(await hss.showResourceQuotas({ params: { query: { version: 'hss.version.basic' } } }));
console.log(quotas.data_list.length);`;

describe('the documented environment block, unchanged, in signature mode', () => {
  for (const file of ['README.md', 'apps/docs/dist/index.html', 'apps/docs/dist/zh-CN/index.html'])
    it(file, async () => {
      const documented = exportedVariables(join(repo, file));
      // Only the ports move (the test's mock listens on free ones); every other value is as shown.
      const env = {
        ...documented,
        HWSEC_HSS_BASE_URL: mock.urls.hss!,
        HWSEC_DSC_BASE_URL: mock.urls.dsc!,
        HWSEC_SECMASTER_BASE_URL: mock.urls.secmaster!,
      };
      expect(documented['HUAWEICLOUD_SDK_SK']).toBe(DEFAULT_SK);
      const run = await runSample(signedCall, { cwd: here, env });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toMatch(/^\d+$/);
    });
});

async function banner(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(
    process.execPath,
    [mockCli, ...apiIds().flatMap((id) => [`--${id}-port`, '0']), '--quiet', ...args],
    {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise((resolve) => child.on('close', resolve));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (/hwsec-mock ready[\s\S]*\n$/.test(output)) resolve(); // one write: the whole banner
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('close', () => reject(new Error(`mock exited early:\n${output}`)));
  });
  child.kill('SIGTERM');
  await exited;
  return output;
}

describe('the mock tells you its keys', () => {
  it('signature mode, default pair: the banner names the AK and the SK’s source, never the SK', async () => {
    const out = await banner(['--verify-signatures']);
    expect(out).toMatch(
      /AK\/SK +accepts AK AKTESTEXAMPLE0000000; its SK from the default test pair \(the README’s HUAWEICLOUD_SDK_AK\/SK\)/,
    );
    expect(out).not.toContain(DEFAULT_SK);
  });

  it('a pair from the variables: the banner names that AK and the variable, not the SK', async () => {
    const out = await banner(['--verify-signatures'], {
      HWSEC_MOCK_ACCESS_KEY: 'AKMYOWNTESTKEY000000',
      HWSEC_MOCK_SECRET_KEY: 'my-own-secret-key-value',
    });
    expect(out).toMatch(/accepts AK AKMYOWNTESTKEY000000; its SK from HWSEC_MOCK_SECRET_KEY/);
    expect(out).not.toContain('my-own-secret-key-value');
  });

  it('without signature mode the banner says nothing about keys', async () => {
    expect(await banner([])).not.toMatch(/accepts AK/);
  });

  it('a call with another AK gets a 401 that says where the pair is set, and no SK', async () => {
    const run = await runSample(signedCall.replace('console.log(quotas.data_list.length);', ''), {
      cwd: here,
      env: {
        HWSEC_HSS_BASE_URL: mock.urls.hss!,
        HUAWEICLOUD_SDK_AK: 'AKSOMEOTHERKEY000000',
        HUAWEICLOUD_SDK_SK: 'some-other-secret',
        HUAWEICLOUD_SDK_PROJECT_ID: '0123456789abcdef0123456789abcdef',
      },
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('err:ak not exist (hwsec-mock accepts the AK its banner shows');
    expect(run.stderr).toContain('HWSEC_MOCK_ACCESS_KEY/HWSEC_MOCK_SECRET_KEY');
    expect(run.stderr).not.toContain(DEFAULT_SK);
  });
});
