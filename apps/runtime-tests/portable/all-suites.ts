// Every portable case, in the order they run on each runtime.
import type { PortableContext } from './context.ts';
import { runCases, type CaseResult } from './harness.ts';
import { faultCases } from './suites/faults.ts';
import { idLookupCases } from './suites/id-lookup.ts';
import { mockCallCases } from './suites/mock-calls.ts';
import { purchaseCases } from './suites/purchase.ts';
import { redactionCases } from './suites/redaction.ts';
import { retryTimeoutCases } from './suites/retries-timeouts.ts';
import { signerCases } from './suites/signer.ts';

export function runAllSuites(context: PortableContext): Promise<CaseResult[]> {
  return runCases([
    ...signerCases(context),
    ...mockCallCases(context),
    ...retryTimeoutCases(context),
    ...redactionCases(context),
    ...faultCases(context),
    ...idLookupCases(context),
    ...purchaseCases(context),
  ]);
}
