// Runs the portable suites on one runtime and returns its results. Deno and Bun run
// portable/cli-entry.ts as TypeScript, from this package's folder so that they resolve the
// clients through its node_modules; workerd is in src/workerd.ts; the host Node imports the
// suites in-process.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeBinary } from '@hwsec/runtimes';
import { runAllSuites } from '../portable/all-suites.ts';
import type { PortableContext } from '../portable/context.ts';
import { RESULTS_MARK, type CaseResult } from '../portable/harness.ts';
import { runOnWorkerd } from './workerd.ts';

export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export type PortableRuntime = 'node' | 'deno' | 'bun' | 'workerd';

const COMMANDS: Record<'deno' | 'bun', (entry: string) => string[]> = {
  // No lockfile, no prompt, no update check; node_modules as pnpm laid it out.
  deno: (entry) => [
    'run',
    '--allow-all',
    '--no-lock',
    '--no-prompt',
    '--node-modules-dir=manual',
    entry,
  ],
  bun: (entry) => ['run', entry],
};

/** Spawns `binary args`, returns its stdout; rejects with its stderr when it fails. */
export function output(binary: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd: PACKAGE_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`${binary} exited ${code}: ${stderr.slice(-2000)}`)),
    );
  });
}

async function runInProcess(
  runtime: 'deno' | 'bun',
  context: PortableContext,
): Promise<CaseResult[]> {
  const contextFile = join(mkdtempSync(join(tmpdir(), `hwsec-${runtime}-`)), 'context.json');
  writeFileSync(contextFile, JSON.stringify(context));
  const stdout = await output(runtimeBinary(runtime), COMMANDS[runtime]('portable/cli-entry.ts'), {
    ...process.env,
    HWSEC_PORTABLE_CONTEXT: contextFile,
    DENO_NO_UPDATE_CHECK: '1',
    DO_NOT_TRACK: '1',
  });
  const line = stdout.split('\n').find((text) => text.startsWith(RESULTS_MARK));
  if (!line) throw new Error(`${runtime} printed no results:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice(RESULTS_MARK.length)) as CaseResult[];
}

export function runPortable(
  runtime: PortableRuntime,
  context: PortableContext,
): Promise<CaseResult[]> {
  if (runtime === 'node') return runAllSuites(context);
  if (runtime === 'workerd') return runOnWorkerd(context);
  return runInProcess(runtime, context);
}
