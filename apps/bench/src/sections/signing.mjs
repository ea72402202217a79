// Signing alone, interleaved over rounds in fresh processes: ours on Node (node:crypto), ours as
// a web build (Web Crypto, what browsers and edge runtimes load), and the official signer.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runJsonChild } from '../child.mjs';
import { median, rotate } from '../stats.mjs';

const WORKER = fileURLToPath(new URL('../workers/signing-worker.mjs', import.meta.url));
const HERE = fileURLToPath(new URL('..', import.meta.url));

export async function benchSigning({ rounds, seconds, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'hwsec-bench-web-'));
  const entry = join(HERE, 'entries', 'web-signer.mjs');
  const webBundle = join(dir, 'web-signer.mjs');
  // The browser conditions pick @hwsec/core's Web Crypto implementation (`#crypto` default).
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: webBundle,
    logLevel: 'error',
  });
  const contenders = ['hwsec-node', 'hwsec-web', 'official'];
  const dates = ['fixed', 'now'];
  const jobs = contenders.flatMap((contender) => dates.map((date) => ({ contender, date })));
  const key = ({ contender, date }) => `${contender}/${date}`;
  const runs = Object.fromEntries(jobs.map((j) => [key(j), []]));
  const ratios = Object.fromEntries(jobs.map((j) => [key(j), []]));
  for (let round = 0; round < rounds; round++) {
    const perRound = {};
    for (const job of rotate(jobs, round)) {
      const { perSecond } = await runJsonChild(WORKER, { ...job, webBundle, seconds });
      perRound[key(job)] = perSecond;
      runs[key(job)].push(perSecond);
    }
    for (const job of jobs)
      ratios[key(job)].push(
        perRound[key(job)] / perRound[key({ contender: 'official', date: job.date })],
      );
    log(
      `  round ${round + 1}/${rounds}: ${jobs.map((j) => `${key(j)} ${Math.round(perRound[key(j)])}/s`).join(', ')}`,
    );
  }
  return {
    rounds,
    seconds,
    rows: jobs.map((job) => ({
      ...job,
      perSecond: median(runs[key(job)]),
      ratioToOfficial: median(ratios[key(job)]),
    })),
  };
}
