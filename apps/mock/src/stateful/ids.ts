/**
 * Order, resource and instance ids. Each is derived from a key and a counter kept in the state,
 * so with `--seed` the same sequence of requests gets the same ids run to run, and a restart from
 * a state file continues the sequence instead of repeating it.
 */
import { createHmac, randomBytes } from 'node:crypto';

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export class IdSource {
  private readonly key: Buffer;

  constructor(seed: string | undefined) {
    this.key = seed === undefined ? randomBytes(32) : Buffer.from(`hwsec-mock ids:${seed}`, 'utf8');
  }

  private bytes(counter: number): Buffer {
    return createHmac('sha256', this.key).update(String(counter)).digest();
  }

  /** `CS` + 10 digits + 5 capitals, the shape of the services' order ids (`CS2404171642AAAAA`). */
  orderId(counter: number): string {
    const bytes = this.bytes(counter);
    let id = 'CS';
    for (let i = 0; i < 10; i++) id += DIGITS[bytes[i]! % 10];
    for (let i = 10; i < 15; i++) id += LETTERS[bytes[i]! % 26];
    return id;
  }

  /**
   * 32 lower-case hex digits named by `label` rather than a counter (IAM's domain and project ids
   * have this shape): the same seed gives the same account.
   */
  hexId(label: string): string {
    return createHmac('sha256', this.key).update(`account:${label}`).digest('hex').slice(0, 32);
  }

  /** A version-4-shaped UUID (quota resource ids and DSC instance ids are UUIDs). */
  uuid(counter: number): string {
    const b = this.bytes(counter).subarray(0, 16);
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const hex = b.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
