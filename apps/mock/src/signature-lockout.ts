/**
 * The API gateway's lock on an access key: after more than 5 signature failures in a row the AK
 * is refused for 5 minutes, even with a correct signature. A good signature resets the count.
 * Only mismatched signatures count (an expired date or an unknown AK is refused on its own).
 * One lock per mock process, shared by its services, on the mock's (injectable) clock.
 */
export const MAX_FAILURES_IN_A_ROW = 5;
export const LOCK_MS = 5 * 60 * 1000;

export class SignatureLockout {
  private readonly failures = new Map<string, number>();
  private readonly lockedUntil = new Map<string, number>();

  /** Epoch ms until which the AK is locked, or undefined. */
  lockedAt(accessKey: string, now: Date): number | undefined {
    const until = this.lockedUntil.get(accessKey);
    if (until === undefined) return undefined;
    if (now.getTime() < until) return until;
    this.lockedUntil.delete(accessKey);
    return undefined;
  }

  failed(accessKey: string, now: Date): void {
    const count = (this.failures.get(accessKey) ?? 0) + 1;
    if (count > MAX_FAILURES_IN_A_ROW) {
      this.lockedUntil.set(accessKey, now.getTime() + LOCK_MS);
      this.failures.delete(accessKey);
    } else this.failures.set(accessKey, count);
  }

  succeeded(accessKey: string): void {
    this.failures.delete(accessKey);
  }
}
