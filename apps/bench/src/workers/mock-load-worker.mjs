// Load on the mock: AK/SK-signed requests over the four operations, each service's on its own
// connections, `concurrency` in flight in all, first a warm-up, then a timed window. The load is
// generated and measured by the mock's one load checker (@hwsec/mock/load-check, autocannon); the
// requests are signed once (valid for 15 minutes), and the mock verifies every copy.
import { Agent, request } from 'node:http';
import { runLoadCheck } from '@hwsec/mock/load-check';
import { readApiRegistry } from '@hwsec/spec';
import { createBaselineRequest } from '../baseline-request.mjs';
import { OPERATIONS, OPERATION_IDS, requestTarget } from '../fixtures.mjs';

const { urls, concurrency, warmupMs, durationMs } = JSON.parse(process.argv[2]);

function signed(opId) {
  const op = OPERATIONS[opId];
  const { host } = new URL(urls[op.client]);
  const target = requestTarget(op);
  const { headers, body } = createBaselineRequest({ op, auth: 'aksk', target, host })();
  return { op, target, headers, body };
}

/** One cold request per operation, in turn, before any load (node:http, a keep-alive agent). */
async function firstResponses() {
  const agent = new Agent({ keepAlive: true });
  const statuses = [];
  const started = performance.now();
  for (const opId of OPERATION_IDS) {
    const { op, target, headers, body } = signed(opId);
    const { hostname, port } = new URL(urls[op.client]);
    statuses.push(
      await new Promise((resolve, reject) => {
        const req = request(
          { hostname, port, path: target, method: op.method, headers, agent },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode));
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
    );
  }
  agent.destroy();
  return { firstResponsesMs: performance.now() - started, firstStatuses: statuses };
}

const targets = readApiRegistry()
  .apis.filter((api) => urls[api.id] !== undefined)
  .map((api) => ({
    name: api.name,
    url: urls[api.id],
    requests: OPERATION_IDS.filter((opId) => OPERATIONS[opId].client === api.id).map((opId) => {
      const { op, target, headers, body } = signed(opId);
      return { method: op.method, path: target, headers, body, check: () => undefined };
    }),
  }))
  .filter((target) => target.requests.length > 0);

const first = await firstResponses();
await runLoadCheck({ targets, connections: concurrency, durationSeconds: warmupMs / 1000 });
const load = await runLoadCheck({
  targets,
  connections: concurrency,
  durationSeconds: durationMs / 1000,
});
const statuses = {};
for (const target of load.targets)
  for (const [code, count] of Object.entries(target.statuses))
    statuses[code] = (statuses[code] ?? 0) + count;
process.stdout.write(
  `${JSON.stringify({
    ...first,
    requests: load.requests,
    perSecond: load.perSecond,
    // The services ran at once: the slowest service's percentiles stand for the mock's.
    p50Ms: Math.max(...load.targets.map((t) => t.latencyMs.p50)),
    p99Ms: Math.max(...load.targets.map((t) => t.latencyMs.p99)),
    statuses,
  })}\n`,
);
