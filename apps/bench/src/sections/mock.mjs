// The mock: time from `node` start to all three services listening (median of several starts),
// then its throughput at concurrency 50 on one started instance.
import { fileURLToPath } from 'node:url';
import { runJsonChild, startJsonService } from '../child.mjs';
import { median } from '../stats.mjs';

const HOST = fileURLToPath(new URL('../workers/mock-host.mjs', import.meta.url));
const LOAD = fileURLToPath(new URL('../workers/mock-load-worker.mjs', import.meta.url));

async function startOnce() {
  const started = performance.now();
  const { child, ready } = await startJsonService(HOST);
  return { child, ready: { ...ready, spawnToReadyMs: performance.now() - started } };
}

function stop(child) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', resolve);
    child.stdin.end();
    setTimeout(() => child.kill(), 3000).unref();
  });
}

export async function benchMock({ starts, concurrency, durationMs, log }) {
  const startups = [];
  for (let i = 0; i < starts; i++) {
    const { child, ready } = await startOnce();
    startups.push(ready);
    await stop(child);
  }
  const { child, ready } = await startOnce();
  try {
    const load = await runJsonChild(LOAD, {
      urls: ready.urls,
      concurrency,
      warmupMs: 1000,
      durationMs,
    });
    const startup = {
      starts,
      spawnToReadyMs: median(startups.map((s) => s.spawnToReadyMs)),
      bootMs: median(startups.map((s) => s.bootMs)),
      importMs: median(startups.map((s) => s.importMs)),
      startMockMs: median(startups.map((s) => s.startMockMs)),
      worstSpawnToReadyMs: Math.max(...startups.map((s) => s.spawnToReadyMs)),
    };
    log(
      `  ready in ${startup.spawnToReadyMs.toFixed(0)} ms (median of ${starts}); ${load.perSecond.toFixed(0)} req/s at c${concurrency}, p99 ${load.p99Ms.toFixed(1)} ms`,
    );
    return { startup, load: { concurrency, durationMs, ...load } };
  } finally {
    await stop(child);
  }
}
