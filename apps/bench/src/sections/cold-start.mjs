// Cold start: from spawning `node` to the first signed response printed by the child, per
// contender, interleaved over rounds; the ratio is to raw fetch in the same round.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childEnv, startJsonService } from '../child.mjs';
import { median, rotate } from '../stats.mjs';

const SERVER = fileURLToPath(new URL('../fixture-server.mjs', import.meta.url));
const entry = (name) => fileURLToPath(new URL(`../entries/cold/${name}.mjs`, import.meta.url));

function timeToFirstResponse(script, baseUrl) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answered;
    let out = '';
    let err = '';
    const child = spawn(process.execPath, [script, baseUrl], {
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

export async function benchColdStart({ contenders, rounds, log }) {
  const { child: server, ready } = await startJsonService(SERVER);
  const baseUrl = `http://127.0.0.1:${ready.port}`;
  const runs = Object.fromEntries(contenders.map((c) => [c, []]));
  const ratios = Object.fromEntries(contenders.map((c) => [c, []]));
  try {
    for (const contender of contenders) await timeToFirstResponse(entry(contender), baseUrl); // disk cache, once
    for (let round = 0; round < rounds; round++) {
      const perRound = {};
      for (const contender of rotate(contenders, round))
        perRound[contender] = await timeToFirstResponse(entry(contender), baseUrl);
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
