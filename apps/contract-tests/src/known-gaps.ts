// Constraints the mock (Prism underneath) does not enforce today. Each gap is listed in
// KNOWN-GAPS.md and asserted by a test named after it, which fails the day the gap is fixed, so
// the entry (and this predicate) must then be removed. Nothing is skipped silently.
import type { ConstraintCase } from './constraint-cases.js';

export interface KnownGap {
  id: string;
  summary: string;
  /** What the mock does instead of rejecting, asserted by the gap's test. */
  observed: string;
  appliesTo(c: ConstraintCase): boolean;
}

export const KNOWN_GAPS: readonly KnownGap[] = [
  {
    id: 'GAP-1',
    summary:
      'An optional query or header parameter sent with an empty value is accepted even though its schema has minLength: 1 (and, for enums, "" is not a member)',
    observed: 'HTTP 200 with the example body',
    appliesTo: (c) =>
      c.parameter !== undefined &&
      !c.parameter.required &&
      c.parameter.in !== 'path' &&
      c.parameter.sent === '',
  },
];

export function knownGapOf(c: ConstraintCase): KnownGap | undefined {
  return KNOWN_GAPS.find((gap) => gap.appliesTo(c));
}
