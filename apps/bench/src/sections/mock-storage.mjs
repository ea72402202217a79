// The stateful mock's state file at scale, in the same run: start-up (spawn to ready, wall and CPU
// time) and the cost of one order (HSS CreateQuotasOrder, paid at once, durable before its answer)
// with a state of 1, 1,000 and 10,000 projects and of 1M quotas (20 projects of 50,000). Each file
// is written as a version 2 file (as mocks before sealed lines wrote it); the first start checks
// it completely and rewrites it (timed too), and the measured start is of the file as the mock
// wrote it. The baselines are an empty state file (start-up) and 1 project (orders). Each round
// writes the files afresh and runs the scenarios in rotating order; the tables show medians over
// the rounds, the ratios are medians of each round's own ratio.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { childEnv } from '../child.mjs';
import { median, percentile, rotate } from '../stats.mjs';

const require = createRequire(import.meta.url);
const CLI = join(dirname(require.resolve('@hwsec/mock/package.json')), 'dist', 'cli.js');

export const SCENARIOS = [
  { key: 'empty', label: 'empty state file', projects: 0, quotasPerProject: 0 },
  { key: 'p1', label: '1 project', projects: 1, quotasPerProject: 10 },
  { key: 'p1k', label: '1,000 projects', projects: 1_000, quotasPerProject: 10 },
  { key: 'p10k', label: '10,000 projects', projects: 10_000, quotasPerProject: 10 },
  { key: 'q1m', label: '1M quotas (20 projects × 50,000)', projects: 20, quotasPerProject: 50_000 },
];

const at = '2026-01-01T00:00:00.000Z';
const until = '2036-01-01T00:00:00.000Z';

/** A state file of version 2 (no seals): a header line, then one line per project. */
async function writeState(file, { projects, quotasPerProject }) {
  const out = createWriteStream(file);
  const write = async (line) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await write(JSON.stringify({ format: 'hwsec-mock-state', version: 2, counter: 0 }));
  for (let p = 0; p < projects; p++) {
    // One paid order per 500 quotas (an order buys at most 500).
    const orders = [];
    const quotas = [];
    for (let q = 0; q < quotasPerProject; q += 500) {
      const orderId = `CS${String(p).padStart(6, '0')}${String(q / 500).padStart(4, '0')}AAAAA`;
      const count = Math.min(500, quotasPerProject - q);
      orders.push({
        order_id: orderId,
        status: 'paid',
        created_at: at,
        paid_at: at,
        purchase: {
          operation: 'CreateQuotasOrder',
          resource_spec_code: 'hss.version.basic',
          period_type: 3,
          period_num: 10,
          subscription_num: count,
          enterprise_project_id: '0',
          is_auto_renew: false,
        },
      });
      for (let i = 0; i < count; i++)
        quotas.push({
          resource_id: `00000000-0000-4000-8000-${String(p * quotasPerProject + q + i).padStart(12, '0')}`,
          version: 'hss.version.basic',
          charging_mode: 'packet_cycle',
          enterprise_project_id: '0',
          shared_quota: 'unshared',
          used: false,
          expires_at: until,
          order_id: orderId,
        });
    }
    const state = {
      hss: { quotas },
      dsc: { instances: [] },
      secmaster: { ecs_count: 0, subscriptions: [] },
      orders,
    };
    await write(JSON.stringify({ counter: 0, projects: { [`project-${p}`]: { set: state } } }));
  }
  out.end();
  await once(out, 'finish');
}

/** CPU time (user + system) the process has used so far, in ms; undefined off Linux. */
function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Spawns the CLI on the file; resolves once its ready line is out, with the time it took. */
function startMock(file) {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [CLI, '--services', 'hss', '--hss-port', '0', '--quiet', '--state-file', file],
    { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const url = /^ {2}HSS\s+(http:\/\/\S+)/m.exec(out)?.[1];
      if (url)
        resolve({
          child,
          url,
          startMs: performance.now() - started,
          startCpuMs: cpuMsOf(child.pid),
        });
    });
    child.once('exit', (code) => reject(new Error(`the mock exited with ${code}: ${err}`)));
  });
}

async function stopMock(child) {
  child.removeAllListeners('exit');
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const body = JSON.stringify({
  resource_spec_code: 'hss.version.basic',
  period_type: 2,
  period_num: 1,
  subscription_num: 1,
  is_auto_pay: true,
});

function order(url, projectId) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      `${url}/v5/${projectId}/quotas/orders`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-auth-token': 'bench' },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`order answered ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function runScenario(scenario, { orders, warmup }) {
  const dir = mkdtempSync(join(tmpdir(), 'hwsec-bench-storage-'));
  const file = join(dir, 'state.json');
  try {
    await writeState(file, scenario);
    const first = await startMock(file);
    await stopMock(first.child);
    const { child, url, startMs, startCpuMs } = await startMock(file);
    const starts = {
      startMs,
      startCpuMs,
      firstStartMs: first.startMs,
      firstStartCpuMs: first.startCpuMs,
    };
    try {
      if (scenario.projects === 0) return starts;
      const pick = () => `project-${Math.floor(Math.random() * scenario.projects)}`;
      for (let i = 0; i < warmup; i++) await order(url, pick());
      const times = [];
      for (let i = 0; i < orders; i++) times.push(await order(url, pick()));
      times.sort((a, b) => a - b);
      return { ...starts, orderP50Ms: percentile(times, 50), orderP99Ms: percentile(times, 99) };
    } finally {
      await stopMock(child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchMockStorage({ rounds, orders, warmup, log }) {
  const turns = [];
  for (let round = 0; round < rounds; round++) {
    const turn = {};
    for (const scenario of rotate(SCENARIOS, round)) {
      turn[scenario.key] = await runScenario(scenario, { orders, warmup });
      const r = turn[scenario.key];
      log(
        `  round ${round + 1} ${scenario.label}: ready in ${r.startMs.toFixed(0)} ms (CPU ${r.startCpuMs ?? '?'} ms; version 2 file first: ${r.firstStartMs.toFixed(0)} ms, CPU ${r.firstStartCpuMs ?? '?'} ms)${r.orderP99Ms === undefined ? '' : `; order p50 ${r.orderP50Ms.toFixed(1)} ms p99 ${r.orderP99Ms.toFixed(1)} ms`}`,
      );
    }
    turns.push(turn);
  }
  const scenarios = Object.fromEntries(
    SCENARIOS.map(({ key, label, projects, quotasPerProject }) => [
      key,
      {
        label,
        projects,
        quotas: projects * quotasPerProject,
        startMs: median(turns.map((t) => t[key].startMs)),
        startCpuMs: median(turns.map((t) => t[key].startCpuMs ?? Number.NaN)),
        startOverEmptyMs: median(turns.map((t) => t[key].startMs - t.empty.startMs)),
        firstStartMs: median(turns.map((t) => t[key].firstStartMs)),
        firstStartCpuMs: median(turns.map((t) => t[key].firstStartCpuMs ?? Number.NaN)),
        ...(projects > 0 && {
          orderP50Ms: median(turns.map((t) => t[key].orderP50Ms)),
          orderP99Ms: median(turns.map((t) => t[key].orderP99Ms)),
          orderP99RatioToOneProject: median(turns.map((t) => t[key].orderP99Ms / t.p1.orderP99Ms)),
        }),
      },
    ]),
  );
  return { rounds, orders, warmup, scenarios, turns };
}

const int = (n) => Math.round(n).toLocaleString('en-US');
const mark = (ok) => (ok ? 'met' : '**NOT met**');

export function renderMockStorage(s) {
  const rows = SCENARIOS.map(({ key }) => {
    const r = s.scenarios[key];
    return `| ${r.label} | ${int(r.startMs)} / ${int(r.startCpuMs)} | ${key === 'empty' ? '(baseline)' : int(r.startOverEmptyMs)} | ${int(r.firstStartMs)} / ${int(r.firstStartCpuMs)} | ${r.orderP50Ms === undefined ? '–' : `${r.orderP50Ms.toFixed(1)} / ${r.orderP99Ms.toFixed(1)}`} | ${r.orderP99RatioToOneProject === undefined ? '–' : `${r.orderP99RatioToOneProject.toFixed(2)}x`} |`;
  });
  const p10k = s.scenarios.p10k.orderP99RatioToOneProject;
  const q1m = s.scenarios.q1m.startMs;
  return [
    `The mock CLI with \`--state-file\` (HSS only), one process per scenario: spawn to ready line (wall / CPU time of the process), of the file as the mock wrote it (after a first start that checked the version 2 file completely and rewrote it, timed in its own column), then ${s.warmup} warm-up and ${s.orders} measured orders one at a time (HSS CreateQuotasOrder, \`is_auto_pay\`, so each adds an order and a quota, durable before its answer) to random projects of the state. Each project starts with 10 quotas and their paid order; the 1M-quota state is 20 projects of 50,000 quotas (half the per-project limit, so orders still fit). ${s.rounds} rounds, scenarios in rotating order; medians over the rounds.`,
    '',
    '| state | ready ms (wall / CPU) | of which the state (wall ms over the empty file) | first start of the version 2 file (wall / CPU ms) | order p50 / p99 ms | order p99 vs 1 project |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `- Order p99 at 10,000 projects within 2x of 1 project: ${mark(p10k <= 2)} (${p10k.toFixed(2)}x).`,
    `- Start-up of a 1M-quota state under 3 s: ${mark(q1m < 3000)} (${int(q1m)} ms, CPU ${int(s.scenarios.q1m.startCpuMs)} ms, of which ${int(s.scenarios.q1m.startOverEmptyMs)} ms the state; the empty file in the same run: ${int(s.scenarios.empty.startMs)} ms, CPU ${int(s.scenarios.empty.startCpuMs)} ms).`,
  ].join('\n');
}
