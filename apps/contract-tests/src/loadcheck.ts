// Bounded load check of the mock (a benchmark, not a timed assertion): at least 1,000 requests
// at concurrency 50, cycling through every operation's documented example requests. Fails (exit
// 1) on any error: a non-200 answer, a body that is not one of the spec's 200 examples, or a
// network failure. Prints the throughput and latency percentiles.
//   pnpm --filter @hwsec/contract-tests run loadcheck [-- --requests 2000 --concurrency 50]
import { fork } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import type { ApiName } from './bundles.js';
import { allOperations } from './operations.js';
import { exampleInput, send, toWire, type WireRequest } from './request-input.js';

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

const child = fork(new URL('./mock-process.js', import.meta.url), {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const urls = await new Promise<Record<ApiName, string>>((resolve, reject) => {
  child.once('message', (m) => resolve((m as { urls: Record<ApiName, string> }).urls));
  child.once('exit', (code) => reject(new Error(`mock process exited with ${code}`)));
});

const mix: Array<{ request: WireRequest; expected: unknown[] }> = allOperations().flatMap(
  (operation) =>
    (operation.requestBody?.examples.map((e) => e.name) ?? [undefined]).map((bodyExample) => ({
      request: toWire(
        operation,
        exampleInput(operation, bodyExample ? { bodyExample } : {}),
        urls[operation.api],
        { 'X-Auth-Token': 'loadcheck-token' },
      ),
      expected: operation.responses['200']?.examples.map((e) => e.value) ?? [],
    })),
);

async function drive(count: number, latencies: number[], errors: string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const { request, expected } = mix[next++ % mix.length]!;
      const started = performance.now();
      try {
        const response = await send(request);
        latencies.push(performance.now() - started);
        if (response.status !== 200 || !expected.some((e) => isDeepStrictEqual(e, response.body))) {
          errors.push(
            `${request.method} ${request.url}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
          );
        }
      } catch (error) {
        errors.push(`${request.method} ${request.url}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

try {
  await drive(warmup, [], []);
  const latencies: number[] = [];
  const errors: string[] = [];
  const started = performance.now();
  await drive(total, latencies, errors);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `loadcheck: ${total} requests (${mix.length} example requests over ${allOperations().length} operations), concurrency ${concurrency}: ` +
      `${(total / seconds).toFixed(0)} req/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
      `${errors.length} errors (Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} at the end)`,
  );
  if (errors.length > 0) {
    console.error(errors.slice(0, 10).join('\n'));
    process.exitCode = 1;
  }
} finally {
  child.disconnect();
}
