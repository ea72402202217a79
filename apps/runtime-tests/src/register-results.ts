// Turns one runtime's results into vitest tests, one per portable case, so each case passes or
// fails on its own in the report (and in CI's count).
import { RUNTIMES } from '@hwsec/runtimes';
import { afterAll, describe, it } from 'vitest';
import type { CallRecord } from '@hwsec/test-support/fault-orders';
import { FAULT_CASE } from '../portable/suites/faults.ts';
import { checkFaultReceipts } from './fault-receipts.ts';
import { runPortable, type PortableRuntime } from './runtime-launchers.ts';
import { startPortableContext } from './portable-context.ts';

const label = (runtime: PortableRuntime) =>
  runtime === 'node'
    ? `Node.js ${process.versions.node} (host)`
    : `${RUNTIMES[runtime].label} ${RUNTIMES[runtime].version}`;

export async function registerPortableSuites(runtime: PortableRuntime): Promise<void> {
  const session = await startPortableContext();
  afterAll(() => session.close());
  const results = await runPortable(runtime, session.context);
  describe(`portable suites on ${label(runtime)}`, () => {
    for (const result of results) {
      it(result.name, () => {
        if (!result.ok) throw new Error(result.error);
      });
    }
    const faults = results.find((result) => result.name === FAULT_CASE);
    it('faults, as the server saw them: no order received twice, nothing at the foreign origin, every "not sent" true', () => {
      const calls = faults?.data as CallRecord[] | undefined;
      if (!calls) throw new Error(`no calls came back from "${FAULT_CASE}"`);
      checkFaultReceipts(calls, session.faultServer);
    });
  });
}
