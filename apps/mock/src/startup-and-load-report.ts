/**
 * `pnpm --filter @hwsec/mock run loadcheck`: how fast the mock starts and how much it serves.
 * Prints numbers; fails (exit 1) only if a request errs or gets an unexpected status.
 *
 * - startup: wall time from spawning the CLI to its "ready" URLs (3 runs), the target is < 2 s;
 * - throughput: 1,000 requests at concurrency 50 per scenario (load-check.ts, autocannon) against
 *   a CLI child process with signature checking on, so the load does not share the mock's loop.
 * Two baselines measured the same way put the numbers in proportion on a busy machine: plain
 * `prism mock` of one bundle (startup) and a bare node:http server (throughput).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createAkSkSigner, formatSdkDate } from '@hwsec/core';
import { readApiRegistry } from '@hwsec/spec';
import { formatLoadCheck, runLoadCheck, type LoadRequest } from './load-check.js';
import { portOption } from './service-option-names.js';
import { TEST_CREDENTIALS } from './start-mock.js';

const CLI = fileURLToPath(new URL('./cli.js', import.meta.url));
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const REQUESTS = 1_000;
const CONCURRENCY = 50;

const { apis } = readApiRegistry();

function startCli(
  args: string[],
): Promise<{ child: ChildProcess; urls: Record<string, string>; ms: number }> {
  const started = performance.now();
  const ports = apis.flatMap((api) => [portOption(api.id).flag, '0']);
  const child = spawn(process.execPath, [CLI, ...ports, '--quiet', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const urls: Record<string, string> = {};
      for (const api of apis) {
        const match = new RegExp(`^ {2}${api.name}\\s+(http://\\S+)`, 'm').exec(out);
        if (match) urls[api.id] = match[1]!;
      }
      if (Object.keys(urls).length === apis.length)
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
  readonly url: string;
  readonly request: LoadRequest;
}

const expectStatus = (expected: number) => (status: number) =>
  status === expected ? undefined : `status ${status}, expected ${expected}`;

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
  const firstBundle = apis[0]!.files.bundleYaml;
  for (let i = 0; i < 3; i++) {
    const port = String(await freePort());
    const { child, ms } = await timeUntil(
      [prismCli, 'mock', firstBundle, '-p', port, '-h', '127.0.0.1'],
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
  const hss = urls['hss']!;
  const token = { 'x-auth-token': 'loadcheck', 'content-type': 'application/json' };
  const order = JSON.stringify({
    resource_spec_code: 'hss.version.enterprise',
    period_type: 2,
    period_num: 1,
    subscription_num: 1,
  });
  const ordersPath = `/v5/${PROJECT_ID}/quotas/orders`;
  // Signed once: the signature stays valid for 15 minutes, and the mock re-verifies every copy.
  const signedHeaders: Record<string, string> = {
    'content-type': 'application/json',
    'X-Sdk-Date': formatSdkDate(new Date()),
  };
  signedHeaders['Authorization'] = await createAkSkSigner(TEST_CREDENTIALS[0]!).sign({
    method: 'POST',
    url: `${hss}${ordersPath}`,
    headers: { ...signedHeaders },
    body: order,
  });
  const scenarios: Scenario[] = [
    {
      name: 'GET ShowResourceQuotas (token)',
      url: hss,
      request: {
        method: 'GET',
        path: `/v5/${PROJECT_ID}/billing/quotas?version=hss.version.basic`,
        headers: token,
        check: expectStatus(200),
      },
    },
    {
      name: 'POST CreateQuotasOrder (token)',
      url: hss,
      request: {
        method: 'POST',
        path: ordersPath,
        headers: token,
        body: order,
        check: expectStatus(200),
      },
    },
    {
      name: 'POST CreateQuotasOrder invalid → 400',
      url: hss,
      request: {
        method: 'POST',
        path: ordersPath,
        headers: token,
        body: '{"period_num":0}',
        check: expectStatus(400),
      },
    },
    {
      name: 'POST CreateQuotasOrder AK/SK verified',
      url: hss,
      request: {
        method: 'POST',
        path: ordersPath,
        headers: signedHeaders,
        body: order,
        check: expectStatus(200),
      },
    },
  ];
  const bare = await timeUntil(['-e', BARE_SERVER], /bare http:\/\/\S+\n/);
  scenarios.push({
    name: 'baseline: bare node:http server, POST',
    url: /bare (http:\/\/\S+)/.exec(bare.out())![1]!,
    request: { method: 'POST', path: '/', headers: token, body: order, check: expectStatus(200) },
  });
  let failed = false;
  try {
    for (const scenario of scenarios) {
      const targets = [{ name: scenario.name, url: scenario.url, requests: [scenario.request] }];
      await runLoadCheck({ targets, connections: CONCURRENCY, amount: 100 }); // warm-up
      const result = await runLoadCheck({ targets, connections: CONCURRENCY, amount: REQUESTS });
      failed ||= result.failed;
      console.log(`${formatLoadCheck(result)} (${REQUESTS} req @ c${CONCURRENCY})`);
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
