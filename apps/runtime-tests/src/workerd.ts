// Runs the portable suites inside workerd, the runtime of Cloudflare Workers: the worker is
// bundled with the `workerd` condition (web transport, Web Crypto), served on a free loopback
// port, and handed the context in a POST. Its outbound fetches may reach loopback only because
// the config allows "local" networks: the mock and the support server live there.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { RUNTIMES, runtimeBinary } from '@hwsec/runtimes';
import type { PortableContext } from '../portable/context.ts';
import type { CaseResult } from '../portable/harness.ts';
import { PACKAGE_DIR } from './runtime-launchers.ts';

/** workerd's version is its compatibility date: 1.20261117.1 -> 2026-11-17. */
const compatibilityDate = RUNTIMES.workerd.version.replace(
  /^1\.(\d{4})(\d{2})(\d{2}).*$/,
  '$1-$2-$3',
);

const config = (port: number) => `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed "worker.mjs")],
  compatibilityDate = "${compatibilityDate}",
);
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function bundleWorker(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(PACKAGE_DIR, entry)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export async function runOnWorkerd(context: PortableContext): Promise<CaseResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hwsec-workerd-'));
  writeFileSync(join(dir, 'worker.mjs'), await bundleWorker('portable/worker-entry.ts'));
  const port = await freePort();
  writeFileSync(join(dir, 'config.capnp'), config(port));
  const child = spawn(runtimeBinary('workerd'), ['serve', join(dir, 'config.capnp')], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`workerd exited ${code}: ${stderr.slice(-2000)}`))),
  );
  try {
    const url = `http://127.0.0.1:${port}/`;
    // Ready when it answers; until then the connection is refused. (Bounded by vitest's timeout.)
    for (;;) {
      const ready = await Promise.race([
        fetch(url).then(
          (r) => r.ok,
          () => false,
        ),
        exited,
      ]);
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const response = await Promise.race([
      fetch(url, { method: 'POST', body: JSON.stringify(context) }),
      exited,
    ]);
    if (!response.ok)
      throw new Error(`worker answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as CaseResult[];
  } finally {
    child.kill();
  }
}
