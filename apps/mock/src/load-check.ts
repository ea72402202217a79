/**
 * The one load checker of the mock (`@hwsec/mock/load-check`), used by the mock's own report, the
 * contract suite's load check and the bench: autocannon drives the requests and measures the
 * latencies; this only says what to send where, and checks every answer.
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  readonly method: string;
  /** Path and query, e.g. `/v5/…/billing/quotas?version=hss.version.basic`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  /** Why the answer is wrong, or undefined when it is right. Default: status 200. */
  check?(status: number, body: string): string | undefined;
}

export interface LoadTarget {
  /** Name in the report, e.g. `HSS`. */
  readonly name: string;
  /** Origin of the service, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  /** Sent in turn, over and over, on every connection. */
  readonly requests: readonly LoadRequest[];
}

export interface LoadCheckOptions {
  readonly targets: readonly LoadTarget[];
  /** Connections in flight, shared out among the targets (at least one each). */
  readonly connections: number;
  /** Requests to send in all (shared out like the connections), or else… */
  readonly amount?: number;
  /** …how long to send, in seconds. */
  readonly durationSeconds?: number;
}

export interface TargetLoad {
  readonly name: string;
  readonly requests: number;
  readonly perSecond: number;
  readonly latencyMs: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
  };
  readonly statuses: Readonly<Record<string, number>>;
  /** Network errors and timeouts. */
  readonly errors: number;
  /** Answers that failed their check, first ten described. */
  readonly wrongAnswers: number;
  readonly problems: readonly string[];
}

export interface LoadCheckResult {
  readonly targets: readonly TargetLoad[];
  readonly requests: number;
  /** Sum over the targets, which ran at the same time. */
  readonly perSecond: number;
  readonly failed: boolean;
}

const expect200 = (status: number) => (status === 200 ? undefined : `status ${status}`);

async function loadOne(
  target: LoadTarget,
  connections: number,
  amount: number | undefined,
  durationSeconds: number | undefined,
): Promise<TargetLoad> {
  let wrongAnswers = 0;
  const problems: string[] = [];
  const result = await autocannon({
    url: target.url,
    connections,
    ...(amount !== undefined ? { amount } : { duration: durationSeconds ?? 3 }),
    timeout: 30,
    requests: target.requests.map((request) => ({
      method: request.method,
      path: request.path,
      headers: { ...request.headers },
      ...(request.body !== undefined && { body: request.body }),
      onResponse: (status: number, body: string) => {
        const problem = (request.check ?? expect200)(status, body);
        if (problem === undefined) return;
        wrongAnswers++;
        if (problems.length < 10) problems.push(`${request.method} ${request.path}: ${problem}`);
      },
    })),
  });
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]),
  );
  return {
    name: target.name,
    requests: result.requests.total,
    perSecond: result.requests.total / result.duration,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    statuses,
    errors: result.errors + result.timeouts,
    wrongAnswers,
    problems,
  };
}

export async function runLoadCheck(options: LoadCheckOptions): Promise<LoadCheckResult> {
  const count = options.targets.length;
  const share = (total: number, index: number) =>
    Math.max(1, Math.floor(total / count) + (index < total % count ? 1 : 0));
  const targets = await Promise.all(
    options.targets.map((target, index) =>
      loadOne(
        target,
        share(options.connections, index),
        options.amount === undefined ? undefined : share(options.amount, index),
        options.durationSeconds,
      ),
    ),
  );
  return {
    targets,
    requests: targets.reduce((sum, t) => sum + t.requests, 0),
    perSecond: targets.reduce((sum, t) => sum + t.perSecond, 0),
    failed: targets.some((t) => t.errors > 0 || t.wrongAnswers > 0),
  };
}

/** One line per target: `HSS  1000 req, 812 req/s, p50 41.0 ms, p99 120.0 ms, 0 errors`. */
export function formatLoadCheck(result: LoadCheckResult): string {
  return result.targets
    .map(
      (t) =>
        `${t.name.padEnd(10)} ${t.requests} req, ${Math.round(t.perSecond)} req/s, p50 ${t.latencyMs.p50.toFixed(1)} ms, ` +
        `p99 ${t.latencyMs.p99.toFixed(1)} ms, ${t.errors} errors, ${t.wrongAnswers} wrong answers` +
        (t.problems.length ? `\n  ${t.problems.join('\n  ')}` : ''),
    )
    .join('\n');
}
