// Core's fault suite, on this runtime: orders through the three clients against a server that
// answers with every fault we know (error statuses, redirects to the same and to another origin,
// resets, cut-off and invalid bodies, stalls, odd Retry-After values). Checked here: every
// failure is a typed Hwsec error with a truthful flag and no secret in it. The server side
// (no order received twice, nothing at the foreign origin, every "not sent" true) is checked in
// Node against the server's receipts, from the calls this case returns.
import { isHwsecError, unwrap } from '@hwsec/core';
import { createDscClient } from '@hwsec/dsc';
import { createHssClient } from '@hwsec/hss';
import { createSecMasterClient } from '@hwsec/secmaster';
import { runFaultOrders } from '@hwsec/test-support/fault-orders';
import type { PortableContext } from '../context.ts';
import { check, checkEqual, type Case } from '../harness.ts';

export const FAULT_CASE = 'faults: every order failure typed, flagged truthfully, no secret shown';

export function faultCases(context: PortableContext): Case[] {
  return [
    {
      name: FAULT_CASE,
      run: async () => {
        const deps = {
          isHwsecError,
          unwrap,
          createHssClient,
          createDscClient,
          createSecMasterClient,
        };
        const report = await runFaultOrders(deps, {
          baseUrl: context.faults.baseUrl,
          seed: context.faults.seed,
          orders: context.faults.orders,
        });
        checkEqual(report.calls.length, context.faults.orders, 'orders placed');
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
        return report.calls;
      },
    },
  ];
}
