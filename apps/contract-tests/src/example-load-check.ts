// Bounded load check of the mock (a benchmark, not a timed assertion): at least 1,000 requests
// at concurrency 50, cycling through every operation's documented example requests, each API's
// on its own service, all at once (the mock's load checker, @hwsec/mock/load-check). Fails
// (exit 1) on any error: an answer other than the operation's documented success, a body that is
// not one of that success's examples (or any body where none is documented, as for PayOrders'
// 204), or a network failure. Prints the throughput and latency percentiles.
//   pnpm --filter @hwsec/contract-tests run loadcheck [-- --requests 2000 --concurrency 50]
import { fork } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { formatLoadCheck, runLoadCheck, type LoadTarget } from '@hwsec/mock/load-check';
import { readApiRegistry } from '@hwsec/spec';
import { operationsOf, successOf, type ApiName } from './operation-model.js';
import { exampleInput, toWire } from './request-input.js';

const { values } = parseArgs({
  // `pnpm run loadcheck -- --requests 5000` passes the `--` through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '200' },
  },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);
const warmup = Number(values.warmup);
if (!(total >= 1000 && concurrency >= 50))
  throw new Error('the check needs at least 1,000 requests at concurrency 50');

const child = fork(new URL('./mock-child-process.js', import.meta.url), {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const urls = await new Promise<Record<ApiName, string>>((resolve, reject) => {
  child.once('message', (m) => resolve((m as { urls: Record<ApiName, string> }).urls));
  child.once('exit', (code) => reject(new Error(`mock process exited with ${code}`)));
});

const targets: LoadTarget[] = readApiRegistry().apis.map((api) => ({
  name: api.name,
  url: urls[api.id]!,
  requests: operationsOf(api.id).flatMap((operation) => {
    const success = successOf(operation);
    return (operation.requestBody?.examples.map((e) => e.name) ?? [undefined]).map(
      (bodyExample) => {
        const input = exampleInput(operation, bodyExample ? { bodyExample } : {});
        const wire = toWire(operation, input, urls[api.id]!, { 'X-Auth-Token': 'loadcheck-token' });
        return {
          method: wire.method,
          path: wire.url.slice(urls[api.id]!.length),
          headers: wire.headers,
          body: wire.body,
          check: (status: number, body: string) => {
            if (status !== success.status) return `${status} ${body.slice(0, 200)}`;
            if (success.examples.length === 0)
              return body === '' ? undefined : `${status} with a body where none is documented`;
            let parsed: unknown;
            try {
              parsed = JSON.parse(body);
            } catch {
              return `${status}, not JSON: ${body.slice(0, 200)}`;
            }
            return success.examples.some((e) => isDeepStrictEqual(e, parsed))
              ? undefined
              : `${status} ${body.slice(0, 200)}`;
          },
        };
      },
    );
  }),
}));

try {
  await runLoadCheck({ targets, connections: concurrency, amount: warmup });
  const result = await runLoadCheck({ targets, connections: concurrency, amount: total });
  console.log(
    `loadcheck: ${result.requests} requests over ${targets.length} APIs at once, concurrency ${concurrency}: ` +
      `${Math.round(result.perSecond)} req/s in all (Node ${process.version}, ${availableParallelism()} cores, ` +
      `load average ${loadavg()[0]!.toFixed(1)} at the end)\n${formatLoadCheck(result)}`,
  );
  if (result.failed) process.exitCode = 1;
} finally {
  child.disconnect();
}
