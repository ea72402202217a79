import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readApiRegistry } from '@hwsec/spec';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { portOption } from '../src/service-option-names.js';
import { PROJECT_ID, TOKEN } from './helpers.js';

// The built CLI, as `pnpm mock` runs it (turbo builds before testing).
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const children: ChildProcess[] = [];
const apis = readApiRegistry().apis;
const names = apis.map((api) => api.name);
/** Every API on a free port unless a test says otherwise: a default one may be taken here. */
const freePorts = Object.fromEntries(apis.map((api) => [portOption(api.id).variable, '0']));

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...freePorts, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  const ready = new Promise<Record<string, string>>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const urls: Record<string, string> = {};
      for (const m of stdout.matchAll(/^ {2}(\S+)\s+(http:\/\/\S+)\n/gm))
        if (names.includes(m[1]!)) urls[m[1]!] = m[2]!;
      if (Object.keys(urls).length === names.length) resolve(urls);
    });
    void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  ready.catch(() => undefined); // tests of failing starts only await `exited`
  return { child, exited, ready, output: () => ({ stdout, stderr }) };
}

function occupyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('hwsec-mock CLI', () => {
  it('prints each base URL when ready, serves, logs requests and exits 0 on SIGTERM', async () => {
    const cli = run(['--hss-port', '0', '--dsc-port', '0'], { HWSEC_MOCK_SECMASTER_PORT: '0' });
    const urls = await cli.ready;
    expect(Object.keys(urls)).toEqual(names);
    for (const url of Object.values(urls)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const response = await fetch(`${urls['HSS']}/v5/${PROJECT_ID}/billing/quotas`, {
      headers: TOKEN,
    });
    expect(response.status).toBe(200);
    // The log line follows the response: wait for it, not for a guessed delay.
    await vi.waitUntil(
      () => /HSS GET \/v5\/[0-9a-f]{32}\/billing\/quotas 200/.test(cli.output().stdout),
      {
        timeout: 60_000,
        interval: 10,
      },
    );

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    // The ports are free again.
    await expect(fetch(`${urls['HSS']}/`)).rejects.toThrow();
  });

  it('exits 0 on SIGINT too', async () => {
    const cli = run(['--hss-port', '0', '--dsc-port', '0', '--secmaster-port', '0', '--quiet']);
    await cli.ready;
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it('fails at once, with a clear message and exit 1, when a port is taken', async () => {
    const { server, port } = await occupyPort();
    try {
      const cli = run(['--dsc-port', String(port), '--hss-port', '0', '--secmaster-port', '0']);
      // The port stays taken for the whole test, so a CLI that waited or retried would never
      // exit: exiting 1 at all is the proof that it gives up.
      expect(await cli.exited).toBe(1);
      expect(cli.output().stderr).toBe(
        `hwsec-mock: port ${port} on 127.0.0.1 is already in use (DSC mock); choose another with --dsc-port or HWSEC_MOCK_DSC_PORT\n`,
      );
      expect(cli.output().stdout).not.toContain('ready');
    } finally {
      server.close();
    }
  });

  it('rejects bad flags and variables with exit 2 and the usage', async () => {
    const badFlag = run(['--no-such-flag']);
    expect(await badFlag.exited).toBe(2);
    expect(badFlag.output().stderr).toContain('Usage: hwsec-mock');

    const badPort = run([], { HWSEC_MOCK_HSS_PORT: 'eighty' });
    expect(await badPort.exited).toBe(2);
    expect(badPort.output().stderr).toContain('HWSEC_MOCK_HSS_PORT must be a port number');
  });
});
