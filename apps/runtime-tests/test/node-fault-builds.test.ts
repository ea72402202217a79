// The clients' fault suite in two more forms the host Node runs (node.test.ts covers the default,
// the node:http transport): Node's built-in fetch injected (the web transport on Node), and the
// web build (the browser bundle: Web Crypto signer, global fetch, no Node built-in) imported into
// Node. Each form places its orders against a fault server of its own, so receipts are per form.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { startFaultServer } from '@hwsec/test-support/fault-server';
import * as portable from '../portable/suites/faults.ts';
import { checkFaultReceipts } from '../src/fault-receipts.ts';
import { operationCalls } from '../src/operation-calls.ts';
import { PACKAGE_DIR } from '../src/runtime-launchers.ts';
import { CLIENT_API_IDS } from '../src/generated/clients.ts';

const SEED = 20_260_101;
const ORDERS = 1_020;
const calls = operationCalls(CLIENT_API_IDS);
// 1,020 orders with stalls cut off at 1 s each: on a loaded 2-core machine one form can take
// minutes, so each case has a bound of its own.
const BOUND_MS = 300_000;

async function webBuild(): Promise<typeof portable> {
  const result = await build({
    entryPoints: [join(PACKAGE_DIR, 'portable/suites/faults.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]!.text;
  if (/["']node:[a-z]+["']/.test(text)) throw new Error('the web build holds a Node built-in');
  const file = join(mkdtempSync(join(tmpdir(), 'hwsec-web-build-')), 'faults.mjs');
  writeFileSync(file, text);
  return (await import(pathToFileURL(file).href)) as typeof portable;
}

async function check(suite: typeof portable, fetch?: typeof globalThis.fetch) {
  const server = await startFaultServer(SEED);
  try {
    const report = await suite.placeFaultOrders(
      calls,
      { baseUrl: server.baseUrl, seed: SEED, orders: ORDERS },
      fetch,
    );
    suite.checkFaultReport(report, ORDERS);
    checkFaultReceipts(report.calls, server);
    expect(report.calls).toHaveLength(ORDERS);
  } finally {
    await server.close();
  }
}

describe('fault suite of the clients on the host Node, every order failure typed and truthful, never resent', () => {
  it(
    "Node build, Node's built-in fetch injected (the web transport)",
    async () => {
      await check(portable, globalThis.fetch);
    },
    BOUND_MS,
  );
  it(
    'web build (browser bundle: Web Crypto, global fetch) under Node',
    async () => {
      await check(await webBuild());
    },
    BOUND_MS,
  );
});
