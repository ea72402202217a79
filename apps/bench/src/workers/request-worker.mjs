// One contender in one process, driven over IPC by sections/requests.mjs: first a warm-up of
// every cell (a fresh process needs ~2,000 fetch requests before fetch reaches its steady
// speed), then one measured cell per message, so the parent can interleave contenders cell by
// cell. Never imports the npm `undici` package: that would move the global fetch onto its pool.
import { percentile } from '../stats.mjs';

const CONTENDERS = {
  'node:http': () => import('../contenders/node-http.mjs'),
  fetch: () => import('../contenders/raw-fetch.mjs'),
  official: () => import('../contenders/official-core.mjs'),
  hwsec: () => import('../contenders/hwsec.mjs'),
};

const { contender, module, baseUrl, cells, clientOptions } = JSON.parse(process.argv[2]);
const { createCaller } = await CONTENDERS[module ?? contender]();
const callers = [];
for (const cell of cells)
  callers.push(await createCaller({ baseUrl, opId: cell.opId, auth: cell.auth, clientOptions }));

async function drive(call, count, concurrency, latencies) {
  let next = 0;
  async function lane() {
    while (next < count) {
      const index = next++;
      const started = performance.now();
      await call();
      if (latencies) latencies[index] = performance.now() - started;
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  return performance.now() - started;
}

async function handle(message) {
  if (message.type === 'warmup') {
    for (const [index, cell] of cells.entries())
      await drive(callers[index], message.requestsPerCell, cell.concurrency);
    return { type: 'warm' };
  }
  if (message.type === 'measure') {
    const cell = cells[message.cell];
    globalThis.gc?.();
    const latencies = new Float64Array(message.requests);
    const cpuBefore = process.cpuUsage();
    const elapsedMs = await drive(
      callers[message.cell],
      message.requests,
      cell.concurrency,
      latencies,
    );
    const cpu = process.cpuUsage(cpuBefore);
    latencies.sort();
    return {
      type: 'measured',
      perSecond: (message.requests / elapsedMs) * 1000,
      // CPU this process spent per request: steadier than wall time when other work shares the cores.
      cpuUsPerRequest: (cpu.user + cpu.system) / message.requests,
      p50Us: percentile(latencies, 50) * 1000,
      p99Us: percentile(latencies, 99) * 1000,
    };
  }
  throw new Error(`unknown message ${message.type}`);
}

process.on('message', (message) => {
  handle(message).then(
    (reply) => process.send(reply),
    (error) => process.send({ type: 'error', message: String(error?.stack ?? error) }),
  );
});
process.send({ type: 'ready' });
