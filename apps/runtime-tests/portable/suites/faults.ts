// The fault suite on this runtime: every write of every client (the spec's example orders)
// placed against a server that answers with every fault we know (error statuses, redirects to
// the same and to another origin, resets, cut-off and invalid bodies, stalls, odd Retry-After
// values). Checked here: every failure is a typed Hwsec error with a truthful flag and no secret
// in it. The server side (no order received twice, nothing at the foreign origin, every "not
// sent" true) is checked in Node against the server's receipts (src/fault-receipts.ts), from the
// calls this case returns.
import { isHwsecError, unwrap } from '@hwsec/core';
import {
  runFaultOrders,
  type FaultClientOptions,
  type FaultReport,
  type FaultRunConfig,
} from '@hwsec/test-support/fault-orders';
import { clientOf } from '../clients.ts';
import type { OperationCall, PortableContext } from '../context.ts';
import { check, checkEqual, type Case } from '../harness.ts';

export const FAULT_CASE = 'faults: every order failure typed, flagged truthfully, no secret shown';

/** Places `faults.orders` orders, each through one of the clients' writes in turn. */
export function placeFaultOrders(
  calls: readonly OperationCall[],
  faults: PortableContext['faults'],
  fetch?: FaultRunConfig['fetch'],
): Promise<FaultReport> {
  const writes = calls.filter((call) => call.httpMethod === 'post' || call.httpMethod === 'put');
  check(writes.length > 0, 'no client has a write to place');
  const placers = writes.map((call) => (options: FaultClientOptions) => {
    const client = clientOf(call.api, options as Parameters<typeof clientOf>[1]);
    return (headers: Record<string, string>) =>
      client[call.method]!({ ...call.init, headers }) as Promise<{ error?: unknown }>;
  });
  return runFaultOrders({ isHwsecError, unwrap, placers }, { ...faults, fetch });
}

/** What the client side alone can check: all orders placed, every failure typed and truthful. */
export function checkFaultReport(report: FaultReport, orders: number): void {
  checkEqual(report.calls.length, orders, 'orders placed');
  checkEqual(report.untypedSamples, [], 'untyped failures');
  for (const [fault, count] of Object.entries(report.perFault)) {
    check(count.calls > 0, `fault ${fault} was never drawn`);
    checkEqual(
      [count.untyped, count.absentFlag, count.wrongFlag, count.leaks],
      [0, 0, 0, 0],
      `${fault}: untyped, absent flag, wrong flag, leaks`,
    );
  }
  for (const call of report.calls)
    if (call.outcome === 'ok') checkEqual(call.fault, 'ok', `call ${call.call} succeeded`);
}

export function faultCases(context: PortableContext): Case[] {
  return [
    {
      name: FAULT_CASE,
      run: async () => {
        const report = await placeFaultOrders(context.calls, context.faults);
        checkFaultReport(report, context.faults.orders);
        return report.calls;
      },
    },
  ];
}
