// Property-based contract: requests generated from the bundled schemas. Every valid one is
// accepted with a 200 from the spec's examples; every one with a single violation is rejected
// with the service's 400 naming the field and rule. Counts are printed at the end.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { invalidBodyRequestArbitrary, validRequestArbitrary } from '../src/arbitraries.js';
import { allOperations, successOf } from '../src/operation-model.js';
import { rejectionProblem } from '../src/rejection.js';
import { send, toWire } from '../src/request-input.js';
import { mockUrl, TOKEN_AUTH } from './support/mock.js';

/** Per operation and direction; modest so the suite stays well under a minute on 2 cores. */
const RUNS = Number(process.env['HWSEC_CONTRACT_RUNS'] ?? 100);
const tried: string[] = [];

for (const operation of allOperations()) {
  // The documented success: 200 with one of its examples, or (BSS PayOrders) 204 and no body.
  const success = successOf(operation);

  describe(`${operation.operationId}: generated requests`, () => {
    it(`accepts every valid request (${RUNS} runs)`, { timeout: 180_000 }, async () => {
      let count = 0;
      await fc.assert(
        fc.asyncProperty(validRequestArbitrary(operation), async (input) => {
          count++;
          const response = await send(toWire(operation, input, mockUrl(operation), TOKEN_AUTH));
          expect(response.status, JSON.stringify(response.body)).toBe(success.status);
          if (success.examples.length > 0) expect(success.examples).toContainEqual(response.body);
          else expect(response.body).toBeUndefined();
        }),
        { numRuns: RUNS },
      );
      tried.push(`${operation.operationId}: ${count} valid accepted`);
    });

    if (operation.requestBody) {
      it(
        `rejects every request with one broken body constraint (${RUNS} runs)`,
        { timeout: 180_000 },
        async () => {
          let count = 0;
          const rules = new Map<string, number>();
          await fc.assert(
            fc.asyncProperty(invalidBodyRequestArbitrary(operation), async (bad) => {
              count++;
              rules.set(bad.rule, (rules.get(bad.rule) ?? 0) + 1);
              const response = await send(
                toWire(operation, bad.input, mockUrl(operation), TOKEN_AUTH),
              );
              expect(rejectionProblem(operation, response, bad), bad.description).toBeUndefined();
            }),
            { numRuns: RUNS },
          );
          tried.push(
            `${operation.operationId}: ${count} invalid rejected ${JSON.stringify(Object.fromEntries(rules))}`,
          );
        },
      );
    }
  });
}

afterAll(() => {
  console.log(`[contract] fast-check requests tried against the mock:\n  ${tried.join('\n  ')}`);
});
