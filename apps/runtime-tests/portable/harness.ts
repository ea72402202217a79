// A test harness small enough to run unchanged on every runtime (Node, Deno, Bun, workerd): no
// test framework, no Node built-ins. A suite is a list of named cases; running them gives one
// result per case, which the Node side turns into one vitest test each.
/** Marks the line of a runtime's output that holds its results (see cli-entry.ts). */
export const RESULTS_MARK = 'HWSEC-PORTABLE-RESULTS ';

export interface Case {
  readonly name: string;
  /** What it returns (if anything) travels back with its result, for checks made in Node. */
  run(): Promise<unknown>;
}

export interface CaseResult {
  readonly name: string;
  readonly ok: boolean;
  /** The failure, as text: the runtime's Error does not cross the process boundary. */
  readonly error?: string;
  readonly data?: unknown;
}

export class CheckFailed extends Error {
  override name = 'CheckFailed';
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

export function checkEqual<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new CheckFailed(`${what}: expected ${e}, got ${a}`);
}

/** Runs `call` and returns what it threw; fails when it did not throw. */
export async function thrown(call: () => Promise<unknown>, what: string): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new CheckFailed(`${what}: expected a failure, got none`);
}

export async function runCases(cases: readonly Case[]): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const names = new Set<string>();
  for (const { name, run } of cases) {
    if (names.has(name)) throw new Error(`two cases named "${name}"`);
    names.add(name);
    try {
      const data = await run();
      results.push({ name, ok: true, ...(data === undefined ? {} : { data }) });
    } catch (error) {
      const text =
        error instanceof Error
          ? `${error.name}: ${error.message}\n${error.stack ?? ''}`
          : String(error);
      results.push({ name, ok: false, error: text });
    }
  }
  return results;
}
