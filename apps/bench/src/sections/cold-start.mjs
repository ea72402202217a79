// Cold start: from spawning `node` to the first signed response printed by the child, per
// contender, interleaved over rounds; the ratio is to raw fetch in the same round.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { childEnv, startJsonService } from '../child.mjs';
import { OPERATIONS, requestTarget } from '../fixtures.mjs';
import { median, rotate } from '../stats.mjs';

const SERVER = fileURLToPath(new URL('../fixture-server.mjs', import.meta.url));
const entry = (name) => fileURLToPath(new URL(`../entries/cold/${name}.mjs`, import.meta.url));
/** The read every program makes, handed to those that build the request themselves (raw fetch). */
const READ_TARGET = requestTarget(OPERATIONS.hssRead);

function timeToFirstResponse(script, baseUrl) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answered;
    let out = '';
    let err = '';
    const child = spawn(process.execPath, [script, baseUrl, READ_TARGET], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => {
      out += d;
      if (answered === undefined && out.includes('ok\n')) answered = performance.now() - started;
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 || answered === undefined)
        reject(new Error(`${script} failed (${code}): ${err.slice(-1500)}`));
      else resolve({ firstResponseMs: answered, exitMs: performance.now() - started });
    });
  });
}

/**
 * `name` runs entries/cold/<name>.mjs as is; `name@bundled` runs that program bundled by esbuild
 * into one file first (diagnostic: how much of a cold start is loading many small modules).
 */
async function scriptsFor(contenders) {
  const dir = mkdtempSync(join(tmpdir(), 'hwsec-bench-cold-'));
  const scripts = {};
  for (const contender of contenders) {
    const [name, variant] = contender.split('@');
    if (variant !== 'bundled') {
      scripts[contender] = entry(name);
      continue;
    }
    scripts[contender] = join(dir, `${name}.mjs`);
    await build({
      entryPoints: [entry(name)],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile: scripts[contender],
      logLevel: 'error',
    });
  }
  return scripts;
}

export async function benchColdStart({ contenders, rounds, log }) {
  const scripts = await scriptsFor(contenders);
  const { child: server, ready } = await startJsonService(SERVER);
  const baseUrl = `http://127.0.0.1:${ready.port}`;
  const runs = Object.fromEntries(contenders.map((c) => [c, []]));
  const ratios = Object.fromEntries(contenders.map((c) => [c, []]));
  try {
    for (const contender of contenders) await timeToFirstResponse(scripts[contender], baseUrl); // disk cache, once
    for (let round = 0; round < rounds; round++) {
      const perRound = {};
      for (const contender of rotate(contenders, round))
        perRound[contender] = await timeToFirstResponse(scripts[contender], baseUrl);
      for (const contender of contenders) {
        runs[contender].push(perRound[contender]);
        ratios[contender].push(
          perRound[contender].firstResponseMs / perRound.fetch.firstResponseMs,
        );
      }
    }
  } finally {
    server.stdin.end();
  }
  const rows = contenders.map((contender) => ({
    contender,
    firstResponseMs: median(runs[contender].map((r) => r.firstResponseMs)),
    exitMs: median(runs[contender].map((r) => r.exitMs)),
    ratioToFetch: median(ratios[contender]),
  }));
  log(`  ${rows.map((r) => `${r.contender} ${r.firstResponseMs.toFixed(0)} ms`).join(', ')}`);
  return { rounds, rows };
}
