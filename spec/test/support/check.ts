import { expect, it } from 'vitest';
import { type ApiName, validatorsFor } from './bundles.js';
import type { ConstraintCase } from './cases.js';

/** One test per case: accepted values give no error, rejected ones an error naming field and rule. */
export function checkCases(api: ApiName) {
  const validator = validatorsFor(api);
  return (pointer: string, cases: ConstraintCase[]) => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const errors = validator(pointer).errors(c.value);
      if (c.rejectedWith === undefined) expect(errors).toEqual([]);
      else expect(errors.join('; ')).toContain(c.rejectedWith);
    });
  };
}
