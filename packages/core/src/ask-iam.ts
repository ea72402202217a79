// The id lookup's request to IAM and the HwsecLookupError it may end in, loaded on the first call
// that needs it (id-lookup.ts decides whether one does, and hands over what this asks with). The
// request is core's own: signed with the client's AK/SK (no X-Project-Id or X-Domain-Id, as the
// official cores sign it), with its timeout, retries of reads and logger.
//
// One lookup per access key, IAM endpoint and region in the process, shared by concurrent first
// calls; a failed one is forgotten, so the next call asks again. The cache key holds a SHA-256 of
// the access key, never the key itself.
//
// Only types are imported: a value imported from core would be shared with the main path, and a
// bundler that splits code would put it in a chunk of its own (see id-lookup.ts).
import type { MaybePromise } from './crypto/types.js';
import type { HwsecError } from './errors.js';
import type { HwsecLookupError } from './lookup-error.js';

export interface AskInput {
  /** IAM's list: KeystoneListProjects filtered by region, or KeystoneListAuthDomains. */
  url: string;
  /** The region whose project is looked for; undefined for an account id. */
  region: string | undefined;
  /** Sends the GET to `url` through the client's transport, named `operation` in its errors. */
  send: (operation: string) => Promise<Response>;
  /** SHA-256 of the client's access key, hex. */
  accessKeyHash: () => MaybePromise<string>;
  LookupError: typeof HwsecLookupError;
}

/** What IAM's answer said, when it did not give exactly one id. */
interface Answer {
  found?: number | undefined;
  status?: number;
  requestId?: string | undefined;
}

const found = new Map<string, Promise<string>>();

/** One client's lookup: the id, or a HwsecLookupError naming the call that needed it. */
export function askIam(input: AskInput): (operation: string) => Promise<string> {
  const { url, region, send, LookupError } = input;
  const global = region === undefined;
  const lookup = global ? 'KeystoneListAuthDomains' : 'KeystoneListProjects';
  let mine: Promise<string> | undefined;

  async function ask(): Promise<string> {
    const key = `${await input.accessKeyHash()} ${url}`;
    let pending = found.get(key);
    if (pending === undefined) {
      pending = send(lookup).then(async (response) => {
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
      found.set(key, pending);
      const forget = () => found.get(key) === pending && found.delete(key);
      pending.catch(forget);
    }
    return pending;
  }

  return (operation) =>
    (mine ??= ask()).catch((error: unknown) => {
      mine = undefined;
      // The transport throws only typed errors (a call that got no answer); IAM's answers are the
      // plain objects thrown above.
      const cause = error instanceof Error ? (error as HwsecError) : undefined;
      const { found, status, requestId }: Answer = cause ? {} : (error as Answer);
      // What was looked for, the option that makes it unnecessary, its variable and IAM's list.
      const [sought, option, variable, listed] = global
        ? ['the account id', 'domainId', 'DOMAIN', 'domains']
        : [`the project of region ${region}`, 'projectId', 'PROJECT', 'projects'];
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
}
