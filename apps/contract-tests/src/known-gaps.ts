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

// GAP-1 (empty optional query/header values skipped validation) was fixed by the pnpm patch of
// @stoplight/prism-http in patches/; see KNOWN-GAPS.md.
export const KNOWN_GAPS: readonly KnownGap[] = [];

export function knownGapOf(c: ConstraintCase): KnownGap | undefined {
  return KNOWN_GAPS.find((gap) => gap.appliesTo(c));
}
