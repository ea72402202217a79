// Runs one documented command with bash from the repository root, as a reader would type it. A
// command that serves (the mock, the docs site, both) is started, awaited until every server it
// starts says it is ready, then stopped with SIGINT (Ctrl-C) to its whole process group; the test
// then checks the group exited and left nothing behind. Ports come from the documented variables
// (HWSEC_MOCK_*_PORT, HWSEC_DOCS_PORT) so runs never meet; a port written in the command wins.
import { spawn } from 'node:child_process';

export interface CommandRun {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly output: string;
}

/** What a serving command prints once it is up, per server it starts. */
export const READY_LINES = {
  mock: /hwsec-mock ready in \d+ ms/,
  docs: /docs: serving the API documentation at (http:\/\/\S+)/,
} as const;

/** The servers a command starts, or [] for a command that runs to its end. */
export function serversOf(command: string): Array<keyof typeof READY_LINES> {
  const script = /^pnpm (?:run )?(start|mock|site)\b/.exec(command)?.[1];
  if (script === 'start') return ['mock', 'docs'];
  if (script === 'mock') return ['mock'];
  if (script === 'site') return ['docs'];
  return [];
}

function start(command: string, cwd: string, env: NodeJS.ProcessEnv) {
  const child = spawn('bash', ['-c', command], {
    cwd,
    env,
    detached: true, // its own process group: Ctrl-C reaches everything it started
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (chunk) => {
      output += chunk;
      for (const listener of listeners) listener();
    });
  const exited = new Promise<CommandRun>((resolve) =>
    child.on('close', (exitCode, signal) => resolve({ exitCode, signal, output })),
  );
  return { child, exited, output: () => output, listeners };
}

export async function runToEnd(command: string, cwd: string, env: NodeJS.ProcessEnv) {
  return start(command, cwd, env).exited;
}

/** Starts a serving command, waits for every ready line, stops it; the output up to then. */
export async function runUntilReady(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ ready: CommandRun; stopped: CommandRun; groupGone: boolean }> {
  const run = start(command, cwd, env);
  const expected = serversOf(command).map((server) => READY_LINES[server]);
  const ready = await Promise.race([
    new Promise<CommandRun>((resolve) => {
      const check = () => {
        if (expected.every((line) => line.test(run.output())))
          resolve({ exitCode: null, signal: null, output: run.output() });
      };
      run.listeners.add(check);
      check();
    }),
    run.exited,
  ]);
  if (run.child.exitCode === null && run.child.signalCode === null)
    process.kill(-run.child.pid!, 'SIGINT');
  const stopped = await run.exited;
  return { ready, stopped, groupGone: await groupEnds(run.child.pid!) };
}

/** True once no process of the group is left (an exited one may wait a moment to be reaped). */
async function groupEnds(pgid: number, withinMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return false;
}
