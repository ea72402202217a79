// What `pnpm start` is, for the tests that run it: the real scripts/start.mjs (what `pnpm start`
// execs after its build) with every registered API's mock and the docs on free ports (a default
// one may be taken on this machine), and waits for a condition, never a fixed time.
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiIds } from '@hwsec/spec';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const start = join(repo, 'scripts', 'start.mjs');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

export async function until(condition: () => Promise<boolean>, what: string, child: ChildProcess) {
  while (!(await condition())) {
    if (child.exitCode !== null)
      throw new Error(`start.mjs exited (${child.exitCode}) before ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function startAll(given: { hss?: number } = {}) {
  const ports: Record<string, number> = {};
  for (const id of apiIds()) ports[id] = id === 'hss' && given.hss ? given.hss : await freePort();
  ports['docs'] = await freePort();
  const child = spawn(process.execPath, [start], {
    cwd: repo,
    env: {
      ...process.env,
      ...Object.fromEntries(
        apiIds().map((id) => [`HWSEC_MOCK_${id.toUpperCase()}_PORT`, String(ports[id])]),
      ),
      HWSEC_DOCS_PORT: String(ports['docs']),
      HWSEC_MOCK_QUIET: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ports, exited, output: () => output };
}
