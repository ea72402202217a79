// Load on the mock: AK/SK-signed requests over the four operations from node:http keep-alive
// clients, `concurrency` in flight, first a warm-up, then a timed window.
import { Agent, request } from 'node:http';
import { OPERATIONS, OPERATION_IDS, requestTarget } from '../fixtures.mjs';
import { createBaselineRequest } from '../baseline-request.mjs';
import { percentile } from '../stats.mjs';

const { urls, concurrency, warmupMs, durationMs } = JSON.parse(process.argv[2]);
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const statuses = {};

// One baseline request factory per operation and service URL, made on first use.
const requests = new Map();

function send(opId) {
  const op = OPERATIONS[opId];
  const { hostname, port, host } = new URL(urls[op.client]);
  const target = requestTarget(op);
  if (!requests.has(opId))
    requests.set(opId, createBaselineRequest({ op, auth: 'aksk', target, host }));
  const { headers, body } = requests.get(opId)();
  if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path: target, method: op.method, headers, agent },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function load(ms, latencies) {
  let issued = 0;
  const deadline = performance.now() + ms;
  async function lane() {
    while (performance.now() < deadline) {
      const opId = OPERATION_IDS[issued++ % OPERATION_IDS.length];
      const started = performance.now();
      const status = await send(opId);
      if (latencies) {
        latencies.push(performance.now() - started);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  return performance.now() - started;
}

const firstStarted = performance.now();
const firstStatuses = [];
for (const opId of OPERATION_IDS) firstStatuses.push(await send(opId));
const firstResponsesMs = performance.now() - firstStarted;
await load(warmupMs);
const latencies = [];
const elapsed = await load(durationMs, latencies);
latencies.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({
    firstResponsesMs,
    firstStatuses,
    requests: latencies.length,
    perSecond: (latencies.length / elapsed) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    statuses,
  })}\n`,
);
