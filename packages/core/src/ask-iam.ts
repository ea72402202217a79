// The id lookup's request to IAM and the HwsecLookupError it may end in, loaded on the first call
// that needs it (id-lookup.ts decides whether one does, and hands over what this asks with). The
// request is core's own: signed with the client's AK/SK (no X-Project-Id or X-Domain-Id, as the
// official cores sign it), with its timeout, retries of reads and logger.
//
// One lookup per access key, IAM endpoint and region in the process, shared by concurrent first
// calls; a failed one is forgotten, so the next call asks again. The cache key holds a SHA-256 of
// the access key, never the key itself. Each call waits for the shared lookup only as long as its
// own signal lets it: an abort rejects that call at once (nothing was sent), the others keep
// waiting, and a lookup that no call waits for any more is abandoned (its request aborted, and
// forgotten), so the next call asks afresh rather than joining a request nobody wanted.
//
// Only types are imported: a value imported from core would be shared with the main path, and a
// bundler that splits code would put it in a chunk of its own (see id-lookup.ts).
import type { MaybePromise } from './crypto/types.js';
import type { HwsecAbortError, HwsecError } from './errors.js';
import type { HwsecLookupError } from './lookup-error.js';
import type { Redactor } from './redact.js';

export interface AskInput {
  /** IAM's list: KeystoneListProjects filtered by region, or KeystoneListAuthDomains. */
  url: string;
  /** The region whose project is looked for; undefined for an account id. */
  region: string | undefined;
  /**
   * Sends the GET to `url` through the client's transport, named `operation` in its errors;
   * `signal` aborts it once no call waits for it.
   */
  send: (operation: string, signal: AbortSignal) => Promise<Response>;
  /** SHA-256 of the client's access key, hex. */
  accessKeyHash: () => MaybePromise<string>;
  LookupError: typeof HwsecLookupError;
  AbortError: typeof HwsecAbortError;
  /** The client's redactor, for the reason a caller aborted with. */
  redact: Redactor;
}

/** What IAM's answer said, when it did not give exactly one id. */
interface Answer {
  found?: number | undefined;
  status?: number;
  requestId?: string | undefined;
}

/** One lookup, in flight or answered, shared by every call with the same key and IAM. */
interface Shared {
  id: Promise<string>;
  /**
   * Calls that may still give up on it; the last to do so abandons it. Infinity once it has
   * answered, or once a call without a signal (which never gives up) has joined it.
   */
  waiting: number;
  stop: AbortController;
}

const found = new Map<string, Shared>();

/** One client's lookup: the id, or a HwsecLookupError naming the call that needed it. */
export function askIam(input: AskInput): (operation: string, signal?: unknown) => Promise<string> {
  const { url, region, send, LookupError, AbortError, redact } = input;
  const global = region === undefined;
  const lookup = global ? 'KeystoneListAuthDomains' : 'KeystoneListProjects';
  // What was looked for, the option that makes it unnecessary, its variable and IAM's list.
  const [sought, option, variable, listed] = global
    ? ['the account id', 'domainId', 'DOMAIN', 'domains']
    : [`the project of region ${region}`, 'projectId', 'PROJECT', 'projects'];
  /** This client's cache key, hashed once. */
  let hashed: string | undefined;

  /** The caller's abort: typed, naming its operation and the lookup it was waiting for. */
  const aborted = (operation: string, signal: AbortSignal) =>
    new AbortError(
      { operation, idempotent: false, attempts: 0 },
      signal.reason,
      redact,
      false,
      ` before sending, while IAM ${lookup} looked up ${sought}`,
    );

  /** The shared lookup's id, or this caller's abort as soon as its signal fires. */
  async function ask(operation: string, signal: AbortSignal | undefined): Promise<string> {
    const key = (hashed ??= `${await input.accessKeyHash()} ${url}`);
    if (signal?.aborted) throw aborted(operation, signal);
    let shared = found.get(key);
    if (shared === undefined) {
      const stop = new AbortController();
      const pending = send(lookup, stop.signal).then(async (response) => {
        // What IAM answered, for each caller's HwsecLookupError (its own operation in it).
        if (!response.ok)
          throw {
            status: response.status,
            requestId: response.headers.get('X-Request-Id') ?? undefined,
          } satisfies Answer;
        const body = await response.json().catch(() => undefined);
        const list: unknown = body?.[global ? 'domains' : 'projects'];
        const id: unknown = Array.isArray(list) && list.length === 1 ? list[0]?.id : undefined;
        if (typeof id === 'string') return id;
        throw { found: Array.isArray(list) ? list.length : undefined } satisfies Answer;
      });
      const entry: Shared = { id: pending, waiting: 0, stop };
      found.set(key, (shared = entry));
      pending.then(
        () => (entry.waiting = Infinity),
        () => found.get(key) === entry && found.delete(key),
      );
    }
    shared.waiting += signal ? 1 : Infinity;
    if (!signal) return shared.id;
    const { id, stop } = shared;
    return new Promise<string>((resolve, reject) => {
      const quit = () => {
        reject(aborted(operation, signal));
        if (--shared.waiting) return;
        // Nobody waits any more: the request is aborted, and the next call asks afresh.
        found.get(key) === shared && found.delete(key);
        stop.abort(signal.reason);
      };
      signal.addEventListener('abort', quit, { once: true });
      id.then(resolve, reject).finally(() => signal.removeEventListener('abort', quit));
    });
  }

  return (operation, given) => {
    // Not an AbortSignal: left to the transport, which refuses it as an input error.
    const signal = given instanceof AbortSignal ? given : undefined;
    return ask(operation, signal).catch((error: unknown) => {
      if (error instanceof AbortError && signal?.aborted) throw error;
      // The transport throws only typed errors (a call that got no answer); IAM's answers are the
      // plain objects thrown above.
      const cause = error instanceof Error ? (error as HwsecError) : undefined;
      const { found, status, requestId }: Answer = cause ? {} : (error as Answer);
      const why = cause
        ? `failed: ${cause.message.replace(/\.$/, '')}`
        : status
          ? `was refused: HTTP ${status}${requestId ? ` (request id ${requestId})` : ''}`
          : found === undefined
            ? 'gave no usable list'
            : `found ${found} ${listed} (exactly one is needed; none is created)`;
      throw new LookupError(
        `${operation} not sent: IAM ${lookup} (${sought}) ${why}. Set ${option} or HUAWEICLOUD_SDK_${variable}_ID. Nothing was placed.`,
        {
          operation,
          name: 'HwsecLookupError',
          kind: 'lookup',
          lookup,
          option,
          region,
          found,
          status,
          requestId,
          attempts: 0,
          mayHaveBeenProcessed: false,
        },
        cause && { cause },
      );
    });
  };
}
