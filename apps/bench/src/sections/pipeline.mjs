// The pipeline behind `pnpm test` (turbo run lint typecheck test): once with --force (every task
// runs, nothing is read from the cache) and then again straight after (everything cached).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const TASKS = ['lint', 'typecheck', 'test'];

function turbo(extra) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(
      `${ROOT}node_modules/.bin/turbo`,
      ['run', ...TASKS, '--output-logs=errors-only', ...extra],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          TURBO_TELEMETRY_DISABLED: '1',
          DO_NOT_TRACK: '1',
          REDOCLY_TELEMETRY: 'off',
          FORCE_COLOR: '0',
          NO_COLOR: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const text = out.replace(/\x1b\[[0-9;]*m/g, '');
      // Turbo prints e.g. "Time:    31ms", "Time:    8.2s" or "Time:    2m53.612s".
      const time = /Time:\s+(?:(\d+)m)?([\d.]+)(ms|s)/.exec(text);
      const tasks = /Tasks:\s+(\d+) successful, (\d+) total/.exec(text);
      const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(text);
      resolve({
        ok: code === 0,
        wallMs,
        turboMs: time
          ? Number(time[1] ?? 0) * 60_000 + Number(time[2]) * (time[3] === 's' ? 1000 : 1)
          : undefined,
        fullTurbo: text.includes('FULL TURBO'),
        tasks: tasks ? { successful: Number(tasks[1]), total: Number(tasks[2]) } : undefined,
        cached: cached ? Number(cached[1]) : undefined,
        failedTasks: /Failed:\s+(.+)/.exec(text)?.[1]?.trim(),
        failure:
          code === 0
            ? undefined
            : text
                .split('\n')
                .filter((l) => /ERR|error|failed/i.test(l))
                .slice(0, 5)
                .join('\n'),
      });
    });
  });
}

export async function benchPipeline({ cachedRuns, log }) {
  const cold = await turbo(['--force']);
  log(`  cold (--force): ${(cold.wallMs / 1000).toFixed(1)} s${cold.ok ? '' : ' (FAILED)'}`);
  const cached = [];
  // After a failed cold run nothing failed is cached, so one more run shows that; repeating it
  // would only re-run the failing tasks.
  const runs = cold.ok ? cachedRuns : 1;
  for (let i = 0; i < runs; i++) cached.push(await turbo([]));
  const typical = [...cached].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(cached.length / 2)];
  log(
    `  cached: turbo ${typical.turboMs} ms, wall ${typical.wallMs.toFixed(0)} ms${typical.fullTurbo ? ', FULL TURBO' : ''}`,
  );
  return { command: `turbo run ${TASKS.join(' ')}`, cold, cached: typical, cachedRuns: runs };
}
