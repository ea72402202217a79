// Per-request cost. Each round starts one fresh process per contender and warms each up; then
// the cells are measured interleaved: for every cell, every contender in turn (order rotated),
// twice per round. Each measurement's ratio is taken against raw fetch's measurement of the same
// cell a moment earlier or later, and the reported figure is the median over all of them, so
// slowdowns from other work on this 2-core machine hit numerator and denominator alike.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AUTH_MODES, OPERATION_IDS } from '../fixtures.mjs';
import { childEnv, startJsonService } from '../child.mjs';
import { median, rotate } from '../stats.mjs';

const WORKER = fileURLToPath(new URL('../workers/request-worker.mjs', import.meta.url));
const SERVER = fileURLToPath(new URL('../fixture-server.mjs', import.meta.url));
export const CONCURRENCIES = [1, 16];

/** Diagnostic variants for profiling (`--contenders=fetch,fetch+timeout,hwsec,hwsec+timeout0`). */
const VARIANTS = {
  'fetch+timeout': { module: 'fetch', clientOptions: { timeoutMs: 30_000 } },
  'hwsec+timeout0': { module: 'hwsec', clientOptions: { timeoutMs: 0 } },
  'hwsec+fetch': { module: 'hwsec', clientOptions: { fetchImpl: 'global' } },
};

/** A contender process and a function that sends it one message and awaits the reply. */
function startWorker(config) {
  const child = fork(WORKER, [JSON.stringify(config)], {
    env: childEnv,
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let pending;
  child.on('message', (message) => {
    const settle = pending;
    pending = undefined;
    if (message.type === 'error')
      settle?.reject(new Error(`${config.contender}: ${message.message}`));
    else settle?.resolve(message);
  });
  child.on('exit', (code) => pending?.reject(new Error(`${config.contender} exited with ${code}`)));
  const next = () => new Promise((resolve, reject) => (pending = { resolve, reject }));
  const ready = next();
  return {
    ready,
    ask(message) {
      const reply = next();
      child.send(message);
      return reply;
    },
    stop: () => child.kill(),
  };
}

export async function benchRequests({
  contenders,
  ops = OPERATION_IDS,
  rounds,
  passes,
  requestsPerCell,
  warmupPerCell,
  log,
}) {
  const cells = [];
  for (const opId of ops)
    for (const auth of AUTH_MODES)
      for (const concurrency of CONCURRENCIES) cells.push({ opId, auth, concurrency });
  const { child: server, ready } = await startJsonService(SERVER);
  const baseUrl = `http://127.0.0.1:${ready.port}`;
  const samples = cells.map(() => Object.fromEntries(contenders.map((c) => [c, []])));
  const ratios = cells.map(() => Object.fromEntries(contenders.map((c) => [c, []])));
  const overOfficial = cells.map(() => Object.fromEntries(contenders.map((c) => [c, []])));
  const cpuRatios = cells.map(() => Object.fromEntries(contenders.map((c) => [c, []])));
  try {
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const workers = {};
      try {
        // Started and warmed up one at a time, so no warm-up competes with another.
        for (const contender of rotate(contenders, round)) {
          workers[contender] = startWorker({ contender, baseUrl, cells, ...VARIANTS[contender] });
          await workers[contender].ready;
          await workers[contender].ask({ type: 'warmup', requestsPerCell: warmupPerCell });
        }
        for (let pass = 0; pass < passes; pass++) {
          for (const [index] of rotate([...cells.entries()], round + pass)) {
            const measured = {};
            for (const contender of rotate(contenders, round * passes + pass + index)) {
              measured[contender] = await workers[contender].ask({
                type: 'measure',
                cell: index,
                requests: requestsPerCell,
              });
            }
            for (const contender of contenders) {
              samples[index][contender].push(measured[contender]);
              ratios[index][contender].push(
                measured[contender].perSecond / measured.fetch.perSecond,
              );
              cpuRatios[index][contender].push(
                measured.fetch.cpuUsPerRequest / measured[contender].cpuUsPerRequest,
              );
              if (measured.official)
                overOfficial[index][contender].push(
                  measured[contender].perSecond / measured.official.perSecond,
                );
            }
          }
        }
      } finally {
        for (const worker of Object.values(workers)) worker.stop();
      }
      log(`  round ${round + 1}/${rounds}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    server.stdin.write('stats\n');
    const serverStats = await new Promise((resolve) =>
      server.stdout.once('data', (d) => resolve(JSON.parse(String(d)))),
    );
    if (serverStats.rejected > 0)
      throw new Error(`the fixture server rejected ${serverStats.rejected} requests`);
    const table = cells.map((cell, index) => ({
      ...cell,
      contenders: Object.fromEntries(
        contenders.map((contender) => {
          const runs = samples[index][contender];
          const r = ratios[index][contender];
          return [
            contender,
            {
              perSecond: median(runs.map((s) => s.perSecond)),
              p50Us: median(runs.map((s) => s.p50Us)),
              p99Us: median(runs.map((s) => s.p99Us)),
              ratioToFetch: median(r),
              ratioToOfficial: median(overOfficial[index][contender]),
              cpuUsPerRequest: median(runs.map((s) => s.cpuUsPerRequest)),
              cpuEfficiencyToFetch: median(cpuRatios[index][contender]),
              ratios: r,
            },
          ];
        }),
      ),
    }));
    return { rounds, passes, requestsPerCell, warmupPerCell, contenders, serverStats, table };
  } finally {
    server.stdin.end();
  }
}
