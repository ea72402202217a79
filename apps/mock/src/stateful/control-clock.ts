/**
 * The control API's `/_hwsec/clock`: GET shows the billing clock (billing-clock.ts), POST moves
 * it forward by `advance_seconds`, in one change of the store, so the offset is durable before
 * the answer with a state file and restored with the orders whose timing depends on it.
 */
import { strictJsonBody } from '../request-body.js';
import { clockView } from './billing-clock.js';
import type { ControlAnswer } from './control-api.js';
import type { ControlDocument } from './control-document.js';
import { discard, keep, type StateStore } from './state-store.js';

const invalid = (message: string): ControlAnswer => ({
  status: 400,
  body: { error_code: 'HWSEC.0400', error_msg: `invalid clock advance: ${message}` },
});

export async function handleClock(
  store: StateStore,
  control: ControlDocument,
  method: string,
  bytes: Buffer,
  realNow: () => Date,
): Promise<ControlAnswer> {
  if (method === 'GET') return { status: 200, body: clockView(realNow(), store.readClockOffset()) };
  const parsed = strictJsonBody(bytes);
  if ('reason' in parsed) return invalid(`body (json): ${parsed.reason}`);
  const problem = control.checkClockAdvance(parsed.value);
  if (problem !== undefined) return invalid(problem);
  const { advance_seconds: seconds } = parsed.value as { advance_seconds: number };
  return store.change((tx) => {
    const offset = tx.clockOffset() + seconds;
    // The offset's own bound (the Clock schema's maximum) keeps every billing time a valid date.
    const limit = control.clockOffsetLimit();
    if (offset > limit)
      return discard(
        invalid(
          `/advance_seconds (maximum): would put the clock ${offset} s ahead, past its limit of ${limit} s (it is ${tx.clockOffset()} s ahead now)`,
        ),
      );
    tx.setClockOffset(offset);
    return keep({ status: 200, body: clockView(realNow(), offset) });
  });
}
