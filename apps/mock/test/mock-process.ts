// The built CLI as a child process (what `pnpm mock` runs), for tests that must see the real
// process: its ready lines give each service's URL, keyed by the registry's names.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readApiRegistry } from '@hwsec/spec';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export interface MockProcess {
  readonly child: ChildProcess;
  /** Base URL per API id. */
  readonly urls: Record<string, string>;
  stop(): Promise<void>;
}

export function startMockProcess(args: string[] = []): Promise<MockProcess> {
  const { apis } = readApiRegistry();
  const ports = apis.flatMap((api) => [`--${api.id}-port`, '0']);
  const child = spawn(process.execPath, [CLI, ...ports, '--quiet', ...args], {
    env: { PATH: process.env['PATH'] ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
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
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      resolve({
        child,
        urls,
        stop: () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`the mock exited with ${code}: ${stderr}`)));
  });
}
