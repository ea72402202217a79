// The fault suite, at core's level: at least 1,000 orders (POST and PUT, each kind of
// credentials) per build of core, placed through core's own test service against a seeded fault
// server that answers with error statuses, same- and cross-origin redirects, resets before and
// after the body, cut-off and invalid bodies, stalls, huge and date-form Retry-After values. The
// published clients run the same driver on every runtime (apps/runtime-tests). Asserts, per
// build: at most one receipt per logical call (no order resent or redirected), no credential at
// the foreign origin, every failure a Hwsec error with a truthful mayHaveBeenProcessed, no secret
// in any error.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as portable from './portable/fault-orders-entry.js';
import { startFaultServer } from '@hwsec/test-support/fault-server';
import { importWebBuild } from './support/portable-bundle.js';

// A mutation run repeats this suite for each mutant it covers: it asks for fewer orders
// (vitest.mutation.config.ts), still enough for every fault to occur.
const ORDERS = Number(process.env.HWSEC_FAULT_ORDERS ?? 1_020);
const SEED = 20_260_101;

let web: typeof portable;
beforeAll(async () => {
  web = await importWebBuild<typeof portable>(
    fileURLToPath(new URL('./portable/fault-orders-entry.ts', import.meta.url)),
  );
});

async function check(
  name: string,
  run: (config: portable.FaultRunConfig) => Promise<portable.FaultReport>,
  fetch?: portable.FaultRunConfig['fetch'],
) {
  const server = await startFaultServer(SEED);
  try {
    const report = await run({ baseUrl: server.baseUrl, seed: SEED, orders: ORDERS, fetch });
    const rows = Object.entries(report.perFault).map(([fault, c]) => ({
      fault,
      calls: c.calls,
      ok: c.succeeded,
      typed: Object.entries(c.typed)
        .map(([kind, n]) => `${kind}:${n}`)
        .join(' '),
      wrongFlag: c.wrongFlag,
      claimsNotSent: c.claimsNotSent,
      absentFlag: c.absentFlag,
      untyped: c.untyped,
      leaks: c.leaks,
    }));
    console.log(`fault suite, ${name}: ${report.orders} orders`);
    console.table(rows);
    console.log(
      `  foreign origin: ${server.foreignRequests} requests, credentials seen: ${server.foreignCredentials.length}`,
    );
    expect(report.calls).toHaveLength(ORDERS);
    expect(report.untypedSamples).toEqual([]);
    for (const row of rows) {
      expect(row.calls, row.fault).toBeGreaterThan(0);
      expect([row.fault, row.untyped, row.absentFlag, row.wrongFlag, row.leaks]).toEqual([
        row.fault,
        0,
        0,
        0,
        0,
      ]);
    }
    // An error that says nothing was sent is true: the server never saw that call.
    const untrue = report.calls.filter(
      (c) => c.mayHaveBeenProcessed === false && c.outcome !== 'api' && server.receipts.has(c.call),
    );
    expect(untrue).toEqual([]);
    // No order reached the server twice (no retry, no redirect followed, at either origin).
    const resent = report.calls.filter((c) => (server.receipts.get(c.call) ?? 0) > 1);
    expect(resent).toEqual([]);
    expect(server.foreignCredentials).toEqual([]);
    expect(server.foreignRequests).toBe(0);
    // Successes only where the fault lets the order through.
    for (const call of report.calls)
      if (call.outcome === 'ok') expect(call.fault, call.call).toBe('ok');
  } finally {
    await server.close();
  }
}

// 1,020 orders with stalls cut off at 1 s each: on a loaded 2-core machine one build can take
// more than a minute, so each case has a bound of its own.
const BOUND_MS = 300_000;

describe('fault suite: every order failure typed and truthful, never resent', () => {
  it(
    'Node build, node:http transport (the default on Node)',
    async () => {
      await check('Node build, node:http', portable.runFaultOrders);
    },
    BOUND_MS,
  );
  it(
    "Node build, Node's built-in fetch injected (the web transport)",
    async () => {
      await check('Node build, fetch: globalThis.fetch', portable.runFaultOrders, globalThis.fetch);
    },
    BOUND_MS,
  );
  it(
    'web build (browser bundle: Web Crypto, global fetch) under Node',
    async () => {
      await check('web build under Node', web.runFaultOrders);
    },
    BOUND_MS,
  );
});
