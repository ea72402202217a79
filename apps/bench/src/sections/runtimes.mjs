// Each runtime's client as a ratio to that runtime's own raw fetch, measured in the same process
// (src/workers/runtime-turns.mjs) against the fixture server. workerd is left out: its clock does
// not advance while a request runs (a Spectre mitigation), so it cannot time itself.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RUNTIMES, runtimeBinary } from '@hwsec/runtimes';
import { startFixtureServer } from '../fixture-server.mjs';

const WORKER = fileURLToPath(new URL('../workers/runtime-turns.mjs', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('../../', import.meta.url));

const COMMANDS = {
  node: () => ({
    label: `Node.js ${process.versions.node}`,
    file: process.execPath,
    args: [WORKER],
  }),
  deno: () => ({
    label: `Deno ${RUNTIMES.deno.version}`,
    file: runtimeBinary('deno'),
    args: ['run', '--allow-all', '--no-lock', '--no-prompt', '--node-modules-dir=manual', WORKER],
  }),
  bun: () => ({
    label: `Bun ${RUNTIMES.bun.version}`,
    file: runtimeBinary('bun'),
    args: ['run', WORKER],
  }),
};

function run(file, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: BENCH_DIR,
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', DO_NOT_TRACK: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((text) => text.startsWith('RUNTIME-TURNS '));
      if (code !== 0 || !line)
        return reject(new Error(`${file} exited ${code}: ${stderr.slice(-1500)}`));
      resolve(JSON.parse(line.slice('RUNTIME-TURNS '.length)));
    });
  });
}

export async function benchRuntimes({ rounds, requests, warmup, concurrency = 8, log }) {
  const fixture = await startFixtureServer();
  const baseUrl = `http://127.0.0.1:${fixture.port}`;
  const cells = [
    { opId: 'hssRead', auth: 'aksk' },
    { opId: 'hssOrder', auth: 'aksk' },
    { opId: 'hssRead', auth: 'token' },
  ];
  const results = [];
  try {
    for (const [runtime, command] of Object.entries(COMMANDS)) {
      const { label, file, args } = command();
      log(`  ${label}`);
      const payload = JSON.stringify({ baseUrl, cells, rounds, requests, warmup, concurrency });
      results.push({ runtime, label, concurrency, cells: await run(file, [...args, payload]) });
    }
  } finally {
    await new Promise((resolve) => fixture.server.close(resolve));
  }
  return { runtimes: results, rejected: fixture.stats.rejected };
}
