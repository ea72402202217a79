/**
 * The time the stateful simulation bills by: the mock's clock (`now` of startMock, the machine's
 * by default) plus an offset that only `POST /_hwsec/clock` moves, forward. Order status,
 * periods, expiry and the times of new orders read it through the store; authentication never
 * does: the X-Sdk-Date window and the AK lock judge a client that signs with the real time, and
 * an advanced clock must not turn its signatures into expired ones.
 */
export function billingTime(real: Date, offsetSeconds: number): Date {
  return new Date(real.getTime() + offsetSeconds * 1000);
}

/** The control API's Clock: the billing time now and the offset behind it. */
export function clockView(real: Date, offsetSeconds: number) {
  return { now: billingTime(real, offsetSeconds).toISOString(), offset_seconds: offsetSeconds };
}
