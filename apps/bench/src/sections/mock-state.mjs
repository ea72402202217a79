// The mock stateless, stateful in memory and stateful with a state file, in the same run: HSS
// ShowResourceQuotas and CreateQuotasOrder at one concurrency. Each round starts one fresh mock
// per mode, in rotating order, with fresh project ids (and a fresh state file), so the modes share
// the machine's load alike; the tables show medians over the rounds, the ratios are medians of
// each round's own ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runJsonChild, startJsonService } from '../child.mjs';
import { median, rotate } from '../stats.mjs';

const HOST = fileURLToPath(new URL('../workers/mock-host.mjs', import.meta.url));
const LOAD = fileURLToPath(new URL('../workers/mock-state-load-worker.mjs', import.meta.url));

export const MODES = ['stateless', 'stateful', 'stateFile'];
const OPS = ['read', 'order'];

const projectId = () => randomBytes(16).toString('hex');

function stop(child) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', resolve);
    child.stdin.end();
    setTimeout(() => child.kill(), 3000).unref();
  });
}

async function runMode(mode, { concurrency, warmupMs, durationMs }) {
  const dir = mode === 'stateFile' ? mkdtempSync(join(tmpdir(), 'hwsec-bench-state-')) : undefined;
  const options = {
    services: ['hss'],
    ...(mode === 'stateful' && { stateful: true }),
    ...(dir && { stateFile: join(dir, 'state.json') }),
  };
  const { child, ready } = await startJsonService(HOST, [JSON.stringify(options)]);
  try {
    return await runJsonChild(LOAD, {
      url: ready.urls.hss,
      readProject: projectId(),
      orderProject: projectId(),
      concurrency,
      warmupMs,
      durationMs,
    });
  } finally {
    await stop(child);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchMockState({ rounds, concurrency, warmupMs, durationMs, log }) {
  const turns = [];
  for (let round = 0; round < rounds; round++) {
    const turn = {};
    for (const mode of rotate(MODES, round)) {
      turn[mode] = await runMode(mode, { concurrency, warmupMs, durationMs });
      log(
        `  round ${round + 1} ${mode}: read ${turn[mode].read.perSecond.toFixed(0)} req/s p99 ${turn[mode].read.p99Ms} ms; order ${turn[mode].order.perSecond.toFixed(0)} req/s p99 ${turn[mode].order.p99Ms} ms`,
      );
    }
    turns.push(turn);
  }
  const ops = Object.fromEntries(
    OPS.map((op) => [
      op,
      Object.fromEntries(
        MODES.map((mode) => [
          mode,
          {
            perSecond: median(turns.map((t) => t[mode][op].perSecond)),
            p50Ms: median(turns.map((t) => t[mode][op].p50Ms)),
            p99Ms: median(turns.map((t) => t[mode][op].p99Ms)),
            requests: turns.reduce((sum, t) => sum + t[mode][op].requests, 0),
            ratioToStateless: median(
              turns.map((t) => t[mode][op].perSecond / t.stateless[op].perSecond),
            ),
          },
        ]),
      ),
    ]),
  );
  return { rounds, concurrency, warmupMs, durationMs, ops, turns };
}
