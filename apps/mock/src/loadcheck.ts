/**
 * `pnpm --filter @hwsec/mock run loadcheck`: how fast the mock starts and how much it serves.
 * Prints numbers; fails (exit 1) only if a request errs or gets an unexpected status.
 *
 * - startup: wall time from spawning the CLI to its "ready" URLs (3 runs), the target is < 2 s;
 * - throughput: 1,000 requests at concurrency 50 per scenario against a CLI child process with
 *   signature checking on, so the load generator does not share the mock's event loop.
 * Two baselines measured the same way put the numbers in proportion on a busy machine: plain
 * `prism mock` of one bundle (startup) and a bare node:http server (throughput).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createAkSkSigner, formatSdkDate } from '@hwsec/core';
import { TEST_CREDENTIALS } from './start-mock.js';

const CLI = fileURLToPath(new URL('./cli.js', import.meta.url));
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const REQUESTS = 1_000;
const CONCURRENCY = 50;

function startCli(
  args: string[],
): Promise<{ child: ChildProcess; urls: Record<string, string>; ms: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [CLI, '--hss-port', '0', '--dsc-port', '0', '--secmaster-port', '0', '--quiet', ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!/SecMaster\s+http:\/\/\S+\n/.test(out)) return;
      const urls: Record<string, string> = {};
      for (const m of out.matchAll(/^ {2}(HSS|DSC|SecMaster)\s+(http:\/\/\S+)/gm))
        urls[m[1]!] = m[2]!;
      resolve({ child, urls, ms: performance.now() - started });
    });
    child.on('exit', (code) => reject(new Error(`mock exited early with ${code}`)));
  });
}

const require = createRequire(import.meta.url);

/** Wall time until a child prints `marker`. */
function timeUntil(
  args: string[],
  marker: RegExp,
): Promise<{ child: ChildProcess; out: () => string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (marker.test(out)) resolve({ child, out: () => out, ms: performance.now() - started });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${args[0]} exited early with ${code}: ${out}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const BARE_SERVER = `require('node:http').createServer((q, r) => { q.resume(); q.on('end', () => {
  r.writeHead(200, { 'content-type': 'application/json' }); r.end('{"order_id":"CS2404171642AAAAA"}'); }); })
  .listen(0, '127.0.0.1', function () { console.log('bare http://127.0.0.1:' + this.address().port); });`;

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface Scenario {
  readonly name: string;
  readonly expectStatus: number;
  readonly send: () => Promise<Response>;
}

async function run(
  scenario: Scenario,
): Promise<{ rps: number; p50: number; p95: number; p99: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      const t = performance.now();
      try {
        const response = await scenario.send();
        await response.arrayBuffer();
        if (response.status !== scenario.expectStatus) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { rps: REQUESTS / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), errors };
}

async function main(): Promise<void> {
  const startups: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { child, ms } = await startCli([]);
    startups.push(ms);
    await stop(child);
  }
  startups.sort((a, b) => a - b);
  console.log(
    `startup, hwsec-mock, 3 services (spawn → ready, 3 runs): ${startups.map((ms) => `${Math.round(ms)} ms`).join(', ')}; median ${Math.round(startups[1]!)} ms`,
  );
  const prismStartups: number[] = [];
  const prismCli = require.resolve('@stoplight/prism-cli/dist/index.js');
  const hssBundle = require.resolve('@hwsec/spec/hss.yaml');
  for (let i = 0; i < 3; i++) {
    const port = String(await freePort());
    const { child, ms } = await timeUntil(
      [prismCli, 'mock', hssBundle, '-p', port, '-h', '127.0.0.1'],
      /Prism is listening/,
    );
    prismStartups.push(ms);
    await stop(child);
  }
  prismStartups.sort((a, b) => a - b);
  console.log(
    `startup, baseline \`prism mock\`, 1 bundle (3 runs):      ${prismStartups.map((ms) => `${Math.round(ms)} ms`).join(', ')}; median ${Math.round(prismStartups[1]!)} ms`,
  );

  const { child, urls } = await startCli(['--verify-signatures']);
  const token = { 'x-auth-token': 'loadcheck', 'content-type': 'application/json' };
  const order = JSON.stringify({
    resource_spec_code: 'hss.version.enterprise',
    period_type: 2,
    period_num: 1,
    subscription_num: 1,
  });
  const orders = `${urls['HSS']}/v5/${PROJECT_ID}/quotas/orders`;
  const signer = createAkSkSigner(TEST_CREDENTIALS[0]!);
  const scenarios: Scenario[] = [
    {
      name: 'GET ShowResourceQuotas (token)',
      expectStatus: 200,
      send: () =>
        fetch(`${urls['HSS']}/v5/${PROJECT_ID}/billing/quotas?version=hss.version.basic`, {
          headers: token,
        }),
    },
    {
      name: 'POST CreateQuotasOrder (token)',
      expectStatus: 200,
      send: () => fetch(orders, { method: 'POST', headers: token, body: order }),
    },
    {
      name: 'POST CreateQuotasOrder invalid → 400',
      expectStatus: 400,
      send: () => fetch(orders, { method: 'POST', headers: token, body: '{"period_num":0}' }),
    },
    {
      name: 'POST CreateQuotasOrder AK/SK verified',
      expectStatus: 200,
      send: async () => {
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          'X-Sdk-Date': formatSdkDate(new Date()),
        };
        headers['Authorization'] = await signer.sign({
          method: 'POST',
          url: orders,
          headers,
          body: order,
        });
        return fetch(orders, { method: 'POST', headers, body: order });
      },
    },
  ];
  const bare = await timeUntil(['-e', BARE_SERVER], /bare http:\/\/\S+\n/);
  const bareUrl = /bare (http:\/\/\S+)/.exec(bare.out())![1]!;
  scenarios.push({
    name: 'baseline: bare node:http server, POST',
    expectStatus: 200,
    send: () => fetch(bareUrl, { method: 'POST', headers: token, body: order }),
  });
  let failed = false;
  try {
    for (const scenario of scenarios) {
      for (let i = 0; i < 100; i++) await (await scenario.send()).arrayBuffer(); // warm-up
      const r = await run(scenario);
      failed ||= r.errors > 0;
      console.log(
        `${scenario.name.padEnd(40)} ${REQUESTS} req @ c${CONCURRENCY}: ${Math.round(r.rps)} req/s, ` +
          `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}`,
      );
    }
  } finally {
    await stop(child);
    await stop(bare.child);
  }
  if (failed) {
    console.error('loadcheck: some requests failed');
    process.exit(1);
  }
}

await main();
