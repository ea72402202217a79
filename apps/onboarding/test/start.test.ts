// `pnpm start` stops whole. The real scripts/start.mjs (what `pnpm start` execs after its build)
// runs the real mock and docs server on free ports; each stop signal, and a child failing, must
// leave no process of it listening. Every wait is for a condition (a port answering, the process
// exiting), never a fixed time.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { answers, freePort, startAll, until } from './support/start-all.js';

/**
 * Whether any process listens on the port, read from the kernel's socket tables. Trying to bind
 * the port ourselves would also fail when another test's outgoing connection happens to use it
 * as its local port, which on a busy machine it does; only a listener is a port left held.
 */
function listening(port: number): boolean {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].some((table) =>
    readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // local_address is ADDRESS:PORT in hex; st 0A is LISTEN.
      .some((fields) => fields[1]?.endsWith(`:${hex}`) && fields[3] === '0A'),
  );
}

/** Every process below `pid`, read from /proc while the tree is intact. */
function descendants(pid: number): Array<{ pid: number; cmdline: string }> {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we read.
    }
  }
  const found: Array<{ pid: number; cmdline: string }> = [];
  const walk = (parent: number) => {
    for (const child of parents.get(parent) ?? []) {
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${child}/cmdline`, 'utf8').replaceAll('\0', ' ');
      } catch {
        continue;
      }
      found.push({ pid: child, cmdline });
      walk(child);
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function upAndRunning() {
  const run = await startAll();
  for (const [name, port] of Object.entries(run.ports))
    await until(() => answers(port), `${name} answered on ${port}`, run.child);
  // The check that a stop releases the ports sees them held while running.
  for (const [name, port] of Object.entries(run.ports))
    expect(listening(port), `${name} listens on ${port}`).toBe(true);
  const tree = descendants(run.child.pid!);
  // pnpm -> sh -> node, per service: the grandchildren are what hold the ports.
  expect(tree.filter((p) => p.cmdline.includes('cli.js')).length).toBeGreaterThan(0);
  expect(tree.filter((p) => p.cmdline.includes('serve.mjs')).length).toBeGreaterThan(0);
  return { ...run, tree };
}

async function expectAllGone(run: Awaited<ReturnType<typeof upAndRunning>>) {
  for (const [name, port] of Object.entries(run.ports))
    expect(listening(port), `${name} port ${port} still listened on\n${run.output()}`).toBe(false);
  expect(run.tree.filter((p) => alive(p.pid))).toEqual([]);
}

describe('pnpm start (scripts/start.mjs) stops whole', () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} stops the mock and the docs server, grandchildren included`, async () => {
      const run = await upAndRunning();
      run.child.kill(signal);
      expect(await run.exited).toBe(0);
      await expectAllGone(run);
    });
  }

  it('a child failing (the mock server crashes) stops the docs server too, exit code non-zero', async () => {
    const run = await upAndRunning();
    const mockServer = run.tree.find((p) => p.cmdline.includes('cli.js'))!;
    process.kill(mockServer.pid, 'SIGKILL');
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toMatch(/\[mock\] exited with .*; stopping the others/);
    await expectAllGone(run);
  });

  it('a port already taken: the mock stops at once and nothing is left running', async () => {
    const blocker = createServer();
    const taken = await freePort();
    await new Promise<void>((resolve) => blocker.listen(taken, '127.0.0.1', resolve));
    try {
      const run = await startAll({ hss: taken });
      expect(await run.exited).not.toBe(0);
      expect(run.output()).toMatch(/already in use/);
      const { hss: _held, ...others } = run.ports;
      for (const [name, port] of Object.entries(others))
        expect(listening(port), `${name} port ${port} still listened on`).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
