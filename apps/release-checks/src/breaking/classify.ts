import type { Direction, SpecChange } from './types.js';

/**
 * The one place that knows which way is breaking. A request constraint that gets tighter rejects
 * calls that used to work; a response that gets looser hands clients values they were told could
 * not happen. `narrowed` means "allows fewer values than before", `widened` "allows more"; an edit
 * can do both (an enum value swapped for another), and then it breaks either side.
 */
export function classifyConstraint(
  changes: SpecChange[],
  direction: Direction,
  what: string,
  facts: { narrowed: boolean; widened: boolean },
  location: string,
  detail: string,
): void {
  const { narrowed, widened } = facts;
  if (!narrowed && !widened) return;
  if (direction === 'request') {
    changes.push(
      narrowed
        ? {
            rule: `request-${what}-narrowed`,
            severity: 'breaking',
            location,
            message: `request accepts fewer values: ${detail}`,
          }
        : {
            rule: `request-${what}-widened`,
            severity: 'non-breaking',
            location,
            message: `request accepts more values: ${detail}`,
          },
    );
  } else {
    changes.push(
      widened
        ? {
            rule: `response-${what}-widened`,
            severity: 'breaking',
            location,
            message: `response may carry values clients do not expect: ${detail}`,
          }
        : {
            rule: `response-${what}-narrowed`,
            severity: 'non-breaking',
            location,
            message: `response carries fewer values: ${detail}`,
          },
    );
  }
}
