#!/usr/bin/env node
// Runs one runtime's tests alone (the README's "Runtimes" table and the CI workflow's runtime
// matrix list the same names). `pnpm test` runs all of them; this is for working on one.
//
//   pnpm test:runtime deno        # node20 (host) | node22 | node24 | deno | bun | workerd | chromium
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutPnpmScriptVariables } from '@hwsec/runtimes';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const build = (...filters) => [
  'pnpm',
  'exec',
  'turbo',
  'run',
  'build',
  ...filters.flatMap((filter) => ['--filter', filter]),
  '--output-logs=errors-only',
];
// Core and the clients: every package under packages/, with the spec (its registry).
const clients = ['./packages/*', '@hwsec/spec'];
const portable = (...files) => [
  build('@hwsec/runtime-tests...'),
  ['pnpm', '--filter', '@hwsec/runtime-tests', 'exec', 'vitest', 'run', ...files],
];

export const RUNTIME_COMMANDS = {
  node20: portable('test/node.test.ts', 'test/node-fault-builds.test.ts'),
  node22: [
    build(...clients),
    ['node', 'scripts/node-matrix.mjs', '--skip-build', '--runtimes', 'node22'],
  ],
  node24: [
    build(...clients),
    ['node', 'scripts/node-matrix.mjs', '--skip-build', '--runtimes', 'node24'],
  ],
  deno: portable('test/deno.test.ts'),
  bun: portable('test/bun.test.ts'),
  workerd: portable('test/workerd.test.ts'),
  chromium: [
    build('@hwsec/core', '@hwsec/docs...'),
    ['pnpm', '--filter', '@hwsec/core', 'exec', 'vitest', 'run', 'test/browser.test.ts'],
    ['pnpm', '--filter', '@hwsec/docs', 'exec', 'vitest', 'run', 'test/site.browser.test.ts'],
  ],
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const name = process.argv[2];
  const commands = RUNTIME_COMMANDS[name];
  if (!commands) {
    console.error(`usage: pnpm test:runtime <${Object.keys(RUNTIME_COMMANDS).join('|')}>`);
    process.exit(2);
  }
  const env = {
    ...withoutPnpmScriptVariables(),
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    REDOCLY_TELEMETRY: 'off',
  };
  for (const [file, ...args] of commands) {
    const { status } = spawnSync(file, args, { cwd: repoRoot, env, stdio: 'inherit' });
    if (status !== 0) process.exit(status ?? 1);
  }
}
