// Runs on any runtime with a process (the host Node, Deno, Bun): that runtime's own `fetch`
// against our client, in alternating turns in this one process, so both meet the same runtime,
// machine load and warm-up. Prints one JSON line: per cell, the median rate of each over the
// rounds and their ratio. Imports only runtime-neutral modules (fixtures, baseline signer).
import { createCaller as rawFetch } from '../contenders/raw-fetch.mjs';
import { createCaller as hwsec } from '../contenders/hwsec.mjs';

const { baseUrl, cells, rounds, requests, warmup, concurrency } = JSON.parse(
  globalThis.process?.argv?.at(-1) ?? '{}',
);

async function drive(call, count) {
  let next = 0;
  const lane = async () => {
    while (next++ < count) await call();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  return (count / (performance.now() - started)) * 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const out = [];
for (const { opId, auth } of cells) {
  const callers = {
    fetch: await rawFetch({ baseUrl, opId, auth }),
    hwsec: await hwsec({ baseUrl, opId, auth }),
  };
  for (const call of Object.values(callers)) await drive(call, warmup);
  const rates = { fetch: [], hwsec: [] };
  for (let round = 0; round < rounds; round++) {
    // Alternate who goes first, so neither always meets the warmer moment.
    const order = round % 2 ? ['hwsec', 'fetch'] : ['fetch', 'hwsec'];
    for (const name of order) rates[name].push(await drive(callers[name], requests));
  }
  const fetchPerSecond = median(rates.fetch);
  const hwsecPerSecond = median(rates.hwsec);
  out.push({ opId, auth, fetchPerSecond, hwsecPerSecond, ratio: hwsecPerSecond / fetchPerSecond });
}
console.log(`RUNTIME-TURNS ${JSON.stringify(out)}`);
