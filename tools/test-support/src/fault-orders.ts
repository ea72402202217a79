// The client side of the fault suite, runtime-portable: it imports nothing (no vitest, no
// `node:`, no package), so the very same file runs under Node, Deno, Bun and workerd. It places
// `orders` orders against a fault server (fault-server.ts speaks the protocol below), each order
// asking for one fault chosen by a seeded generator, and reports per fault how every call ended.
//
// Protocol: each call carries FAULT_HEADER (the fault to play) and CALL_HEADER (a marker unique to
// the logical call, so the server can count receipts per call, across redirects and origins).
//
// What places the orders is handed in (`FaultDeps`): core's tests hand in orders through core's
// own test service, the runtime tests orders through the published clients. Each runtime
// resolves those packages its own way, and this file then needs no module resolution at all.

/** What an order placer's client is created with: the fault server, one kind of credentials. */
export interface FaultClientOptions {
  baseUrl: string;
  projectId: string;
  credentials: FaultCredentials;
  fetch?: ((input: string, init: RequestInit) => Promise<Response>) | undefined;
  timeoutMs: number;
}

export type FaultCredentials =
  { token: string } | { accessKey: string; secretKey: string; securityToken?: string };

/** Places one order with the given extra headers; resolves with the client's `{ data, error }`. */
export type PlaceOrder = (headers: Record<string, string>) => Promise<{ error?: unknown }>;

export interface FaultDeps {
  isHwsecError(error: unknown): error is Error & { kind: string };
  unwrap(result: never): unknown;
  /**
   * Order placers, each given a client's options; calls go to them in turn, and each uses the
   * next kind of credentials in turn (token, AK/SK, AK/SK with a security token).
   */
  placers: ReadonlyArray<(options: FaultClientOptions) => PlaceOrder>;
}

export const FAULT_HEADER = 'x-fault';
export const CALL_HEADER = 'x-fault-call';

/** Every fault the server can play, with the HTTP status it answers (0: no complete answer). */
export const FAULTS = {
  ok: 200,
  'status-400': 400,
  'status-401-echo': 401,
  'status-429-date-retry-after': 429,
  'status-500': 500,
  'status-502': 502,
  'status-503-huge-retry-after': 503,
  'status-504': 504,
  'redirect-same-origin-307': 307,
  'redirect-same-origin-308': 308,
  'redirect-cross-origin-307': 307,
  'redirect-cross-origin-302': 302,
  'reset-before-answer': 0,
  'reset-after-headers': 0,
  'truncated-body': 0,
  'invalid-json-200': 200,
  'partial-json-200': 200,
  'stall-before-headers': 0,
  'stall-in-body': 0,
} as const;
export type Fault = keyof typeof FAULTS;

/** Fake credentials; the server echoes them (401) and the foreign origin must never see them. */
export const FAULT_SECRETS = {
  token: 'MIIfaulttoken-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ',
  accessKey: 'AKFAULTSUITE00000000',
  secretKey: 'SKfaultsuite0000000000000000000000000001',
  securityToken: 'STSfaultsuite-securitytoken-0123456789abcdef',
};
const PROJECT = '0123456789abcdef0123456789abcdef';

export interface FaultCount {
  calls: number;
  succeeded: number;
  /** Typed failures (Hwsec errors), by kind. */
  typed: Record<string, number>;
  /** `mayHaveBeenProcessed` contradicted by the answer itself (see provablyWrong). */
  wrongFlag: number;
  /** Network failures, timeouts and aborts that say nothing was sent (check against receipts). */
  claimsNotSent: number;
  /** Failures without a boolean `mayHaveBeenProcessed`. */
  absentFlag: number;
  /** Failures that were not Hwsec errors at all. */
  untyped: number;
  /** Errors whose renderings showed a credential. */
  leaks: number;
}

export interface CallRecord {
  call: string;
  fault: Fault;
  outcome: string;
  mayHaveBeenProcessed?: boolean;
}

export interface FaultReport {
  orders: number;
  perFault: Record<string, FaultCount>;
  calls: CallRecord[];
  /** A few messages of untyped failures, for the reader. */
  untypedSamples: string[];
}

export interface FaultRunConfig {
  baseUrl: string;
  seed: number;
  orders: number;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Per attempt; stalls end with it. Default 1000 (signing on a loaded machine takes time too). */
  timeoutMs?: number;
  /** Orders in flight at once. Default 48. */
  concurrency?: number;
}

/** mulberry32: a small seeded generator, the same sequence in every runtime. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Whether a flag is provably wrong from the client's side alone: an API answer's flag must be
 * true exactly for a 5xx (a 4xx is a refusal); a redirect or an unreadable 2xx is an answer, so
 * the order was sent and its flag must be true. A network failure, timeout or abort may truly
 * have sent nothing (flag false): those claims are listed as `claimsNotSent` and checked
 * against the server's receipts by whoever runs the server.
 */
const provablyWrong = (error: { kind: string; status?: number }, flag: boolean) =>
  error.kind === 'api'
    ? flag !== (error.status ?? 0) >= 500
    : error.kind === 'redirect' || error.kind === 'response'
      ? !flag
      : false;

function leaks(error: unknown): boolean {
  const texts = [String(error), JSON.stringify(error) ?? '', (error as Error)?.stack ?? ''];
  const cause = (error as { cause?: unknown })?.cause;
  if (cause !== undefined) texts.push(String(cause), JSON.stringify(cause) ?? '');
  const secrets = Object.values(FAULT_SECRETS);
  return texts.some((text) => secrets.some((secret) => text.includes(secret)));
}

export async function runFaultOrders(
  deps: FaultDeps,
  config: FaultRunConfig,
): Promise<FaultReport> {
  const { isHwsecError, unwrap, placers } = deps;
  const { baseUrl, seed, orders, fetch, timeoutMs = 1000, concurrency = 48 } = config;
  const { token, accessKey, secretKey, securityToken } = FAULT_SECRETS;
  const credentials: FaultCredentials[] = [
    { token },
    { accessKey, secretKey },
    { accessKey, secretKey, securityToken },
  ];
  const place = placers.map((placer, i) =>
    placer({ baseUrl, projectId: PROJECT, fetch, timeoutMs, credentials: credentials[i % 3]! }),
  );

  const next = random(seed);
  const names = Object.keys(FAULTS) as Fault[];
  const plan = Array.from({ length: orders }, (_, i) => ({
    call: `${seed}-${i}`,
    fault: names[Math.floor(next() * names.length)]!,
    client: i % place.length,
  }));
  const report: FaultReport = { orders, perFault: {}, calls: [], untypedSamples: [] };
  for (const name of names)
    report.perFault[name] = {
      calls: 0,
      succeeded: 0,
      typed: {},
      wrongFlag: 0,
      claimsNotSent: 0,
      absentFlag: 0,
      untyped: 0,
      leaks: 0,
    };

  async function run({ call, fault, client }: (typeof plan)[number]) {
    const count = report.perFault[fault]!;
    count.calls++;
    const record: CallRecord = { call, fault, outcome: 'ok' };
    report.calls.push(record);
    try {
      const result = await place[client]!({ [FAULT_HEADER]: fault, [CALL_HEADER]: call });
      if (leaks(result.error)) count.leaks++;
      unwrap(result as never);
      count.succeeded++;
    } catch (error) {
      if (leaks(error)) count.leaks++;
      if (!isHwsecError(error)) {
        count.untyped++;
        record.outcome = 'untyped';
        if (report.untypedSamples.length < 5) report.untypedSamples.push(String(error));
        return;
      }
      record.outcome = error.kind;
      count.typed[error.kind] = (count.typed[error.kind] ?? 0) + 1;
      const flag = (error as { mayHaveBeenProcessed?: unknown }).mayHaveBeenProcessed;
      if (typeof flag !== 'boolean') count.absentFlag++;
      else {
        record.mayHaveBeenProcessed = flag;
        if (provablyWrong(error as never, flag)) count.wrongFlag++;
        else if (!flag && error.kind !== 'api') count.claimsNotSent++;
      }
    }
  }

  let cursor = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, orders) }, async () => {
      while (cursor < plan.length) await run(plan[cursor++]!);
    }),
  );
  return report;
}
