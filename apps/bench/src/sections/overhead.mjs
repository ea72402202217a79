// Where a call's client-side CPU goes, without the network: see workers/overhead-worker.mjs.
import { fileURLToPath } from 'node:url';
import { runJsonChild } from '../child.mjs';

const WORKER = fileURLToPath(new URL('../workers/overhead-worker.mjs', import.meta.url));

export async function benchOverhead({ rounds, callsPerRound, log }) {
  const result = await runJsonChild(WORKER, {
    ops: ['hssRead', 'hssOrder'],
    rounds,
    callsPerRound,
  });
  for (const row of result.rows)
    log(
      `  ${row.opId}/${row.auth}: ${Object.entries(row.cpuUs)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ')}`,
    );
  return { rounds, callsPerRound, ...result };
}
