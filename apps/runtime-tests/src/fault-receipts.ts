// The fault suite's server-side checks, made in Node against the fault server's receipts: no
// order received twice (no retry, no redirect followed, at either origin), nothing at the
// foreign origin, and every "not sent" true.
import type { CallRecord } from '@hwsec/test-support/fault-orders';
import type { FaultServer } from '@hwsec/test-support/fault-server';

export function checkFaultReceipts(calls: readonly CallRecord[], server: FaultServer): void {
  const { receipts, foreignRequests, foreignCredentials } = server;
  const resent = calls.filter((call) => (receipts.get(call.call) ?? 0) > 1);
  if (resent.length)
    throw new Error(`orders received twice: ${JSON.stringify(resent.slice(0, 5))}`);
  if (foreignRequests !== 0 || foreignCredentials.length !== 0)
    throw new Error(
      `the foreign origin got ${foreignRequests} requests, ${foreignCredentials.length} credentials`,
    );
  const untrue = calls.filter(
    (call) =>
      call.mayHaveBeenProcessed === false && call.outcome !== 'api' && receipts.has(call.call),
  );
  if (untrue.length)
    throw new Error(
      `said "not sent" but the server got them: ${JSON.stringify(untrue.slice(0, 5))}`,
    );
}
