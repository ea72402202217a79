// The built CLI as a child process (what `pnpm mock` runs), for tests that must see the real
// process: its ready lines give each service's URL, keyed by the registry's names.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readApiRegistry } from '@hwsec/spec';

export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** The namespace's second address (TEST-NET-1, RFC 5737): it exists only inside that namespace. */
export const OWN_NETWORK_ADDRESS = '192.0.2.1';

// The address sits on the namespace's own loopback device; the mock still sees it as another
// machine's, since it judges the peer's address (127.0.0.0/8 and ::1 are loopback), not the device.
const OWN_NETWORK_SETUP = [
  'ip link set lo up',
  `ip addr add ${OWN_NETWORK_ADDRESS}/32 dev lo`,
].join(' && ');

export interface MockProcess {
  readonly child: ChildProcess;
  /** Base URL per API id. */
  readonly urls: Record<string, string>;
  /** Everything the process printed so far. */
  output(): { stdout: string; stderr: string };
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  readonly exited: Promise<number | string>;
}

export interface MockProcessOptions {
  /** Extra environment variables (PATH is always passed on). */
  readonly env?: Readonly<Record<string, string>>;
  /** Runs the mock under `ulimit -f <blocks>` (512-byte blocks): writes past it fail (EFBIG). */
  readonly fileSizeLimitBlocks?: number;
  /**
   * Runs the mock as an unprivileged user (uid/gid 65534) when the tests run as root, for whom
   * a folder's permissions do not apply.
   */
  readonly unprivileged?: boolean;
  /**
   * Runs the mock in a network namespace of its own (`unshare --net`, root only) that has
   * loopback and one more address, {@link OWN_NETWORK_ADDRESS}: requests from that address are,
   * to the mock, requests from another machine, and no traffic leaves the namespace.
   */
  readonly ownNetwork?: boolean;
  /** Called with the child as soon as it is spawned (before it is ready). */
  readonly spawned?: (child: ChildProcess) => void;
}

export function startMockProcess(
  args: string[] = [],
  options: MockProcessOptions = {},
): Promise<MockProcess> {
  const { apis } = readApiRegistry();
  const ports = apis.flatMap((api) => [`--${api.id}-port`, '0']);
  const command = [process.execPath, CLI, ...ports, '--quiet', ...args];
  const spawnOptions = {
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'],
    ...(options.unprivileged && process.getuid?.() === 0 && { uid: 65534, gid: 65534 }),
  };
  const shellSteps = [
    ...(options.ownNetwork ? [OWN_NETWORK_SETUP] : []),
    ...(options.fileSizeLimitBlocks === undefined
      ? []
      : [`ulimit -f ${options.fileSizeLimitBlocks}`]),
  ];
  const child =
    shellSteps.length === 0
      ? spawn(command[0]!, command.slice(1), spawnOptions)
      : spawn(
          options.ownNetwork ? 'unshare' : '/bin/sh',
          [
            ...(options.ownNetwork ? ['--net', '/bin/sh'] : []),
            '-c',
            `${shellSteps.join(' && ')} && exec "$@"`,
            'sh',
            ...command,
          ],
          spawnOptions,
        );
  options.spawned?.(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
  );
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const urls: Record<string, string> = {};
      for (const api of apis) {
        const match = new RegExp(`^ {2}${api.name}\\s+(http://\\S+)`, 'm').exec(stdout);
        if (match) urls[api.id] = match[1]!;
      }
      if (Object.keys(urls).length < apis.length) return;
      resolve({
        child,
        urls,
        exited,
        output: () => ({ stdout, stderr }),
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`the mock exited with ${code}: ${stderr}`)));
  });
}

export interface NamespaceAnswer {
  readonly status: number;
  readonly body: string;
}

/**
 * One request made from inside the network namespace of a mock started with `ownNetwork`, so its
 * source address can be the namespace's {@link OWN_NETWORK_ADDRESS}. The requests go through one
 * Node process per mock, entered into the namespace with nsenter and kept until the mock exits:
 * a process per request cost a Node start each.
 */
export function requestInOwnNetwork(
  mock: MockProcess,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<NamespaceAnswer> {
  let requester = requesters.get(mock);
  if (!requester) requesters.set(mock, (requester = startRequester(mock)));
  return requester(url, init);
}

type Requester = (url: string, init: object) => Promise<NamespaceAnswer>;

const requesters = new WeakMap<MockProcess, Requester>();

function startRequester(mock: MockProcess): Requester {
  // One JSON line in ([url, init]), one out (the answer or the error), in order.
  const script =
    "const lines = require('node:readline').createInterface({ input: process.stdin });" +
    '(async () => { for await (const line of lines) {' +
    'const [url, init] = JSON.parse(line);' +
    'const answer = await fetch(url, init).then(' +
    'async (r) => ({ status: r.status, body: await r.text() }),' +
    '(error) => ({ error: String(error) }));' +
    "process.stdout.write(JSON.stringify(answer) + '\\n'); } })();";
  const child = spawn(
    'nsenter',
    [`--target=${mock.child.pid}`, '--net', '--', process.execPath, '-e', script],
    { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env['PATH'] ?? '' } },
  );
  let stdout = '';
  let stderr = '';
  const waiting: Array<{ resolve: (a: NamespaceAnswer) => void; reject: (e: Error) => void }> = [];
  const failAll = (why: string) => {
    for (const { reject } of waiting.splice(0))
      reject(new Error(`the request in the mock's namespace failed (${why}): ${stderr}`));
  };
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (let end = stdout.indexOf('\n'); end >= 0; end = stdout.indexOf('\n')) {
      const answer = JSON.parse(stdout.slice(0, end)) as NamespaceAnswer | { error: string };
      stdout = stdout.slice(end + 1);
      const next = waiting.shift()!;
      if ('error' in answer)
        next.reject(new Error(`the request in the mock's namespace failed: ${answer.error}`));
      else next.resolve(answer);
    }
  });
  child.once('exit', (code) => failAll(`exit ${code}`));
  void mock.exited.then(() => child.stdin.end());
  return (url, init) =>
    new Promise((resolve, reject) => {
      if (child.exitCode !== null) return reject(new Error(`the requester exited: ${stderr}`));
      waiting.push({ resolve, reject });
      child.stdin.write(`${JSON.stringify([url, init])}\n`);
    });
}
