#!/usr/bin/env node
// Runs the clients' test suites under every other Node major that users run (support policy:
// CONTRIBUTING.md, "Supported Node versions"). The workspace itself runs on the Node of the
// machine; the other majors are pinned in tools/runtimes and installed by `scripts/setup.sh`
// into a cache outside the repository. This script never downloads: a missing runtime is an
// error that says to run setup.
//
//   pnpm test:node-matrix                      # Node 22 and 24 (tools/runtimes/pins)
//   pnpm test:node-matrix --include-host       # ... and the Node running this script
//   pnpm test:node-matrix --runtimes node24 --packages packages/hss
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RUNTIMES, runtimeBinary, withoutPnpmScriptVariables } from '@hwsec/runtimes';

export const NODE_RUNTIMES = Object.keys(RUNTIMES).filter((name) => name.startsWith('node'));

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Core and every client package the spec's registry names (`x-hwsec-client`), as folders. Read
 * after the build: the registry is @hwsec/spec's build.
 */
async function clientPackages() {
  const { readApiRegistry } = await import('@hwsec/spec');
  const clients = new Set(readApiRegistry().apis.flatMap((api) => api.client?.package ?? []));
  const folders = readdirSync(join(repoRoot, 'packages')).map((name) => `packages/${name}`);
  const nameOf = (dir) =>
    JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')).name;
  const byName = new Map(folders.map((dir) => [nameOf(dir), dir]));
  for (const name of clients)
    if (!byName.has(name))
      throw new Error(`the registry names ${name}, which no packages/ folder holds`);
  return ['packages/core', ...[...clients].map((name) => byName.get(name))];
}
const { values: options } = parseArgs({
  options: {
    runtimes: { type: 'string' },
    packages: { type: 'string' },
    'include-host': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
});
const runtimes = options.runtimes ? options.runtimes.split(',') : NODE_RUNTIMES;

// pnpm hands its own script settings to scripts; they must not steer the suites' pnpm calls.
const cleanEnv = withoutPnpmScriptVariables();

function run(file, args, cwd, env = cleanEnv) {
  return spawnSync(file, args, { cwd, env, stdio: 'inherit' }).status;
}

function vitestEntry(packageDir) {
  const manifest = createRequire(join(packageDir, 'package.json')).resolve('vitest/package.json');
  return join(dirname(manifest), 'vitest.mjs');
}

let targets;
try {
  targets = runtimes.map((name) => ({
    version: RUNTIMES[name].version,
    binary: runtimeBinary(name),
  }));
} catch (error) {
  console.error(`node-matrix: ${error.message}`);
  process.exit(1);
}
if (options['include-host'])
  targets.unshift({ version: process.versions.node, binary: process.execPath });

if (!options['skip-build']) {
  // The suites import the built core and the generated clients; turbo makes this a no-op when cached.
  const status = run(
    'pnpm',
    [
      'exec',
      'turbo',
      'run',
      'build',
      '--filter=./packages/*',
      '--filter=@hwsec/spec',
      '--output-logs=errors-only',
    ],
    repoRoot,
    {
      ...cleanEnv,
      TURBO_TELEMETRY_DISABLED: '1',
      DO_NOT_TRACK: '1',
      REDOCLY_TELEMETRY: 'off',
    },
  );
  if (status !== 0) process.exit(status ?? 1);
}

const packages = options.packages ? options.packages.split(',') : await clientPackages();
const results = [];
for (const { version, binary } of targets) {
  for (const dir of packages) {
    const packageDir = join(repoRoot, dir);
    console.log(`\nnode-matrix: ${dir} on Node ${version}`);
    const started = performance.now();
    // The suites run on this binary: vitest's workers inherit process.execPath.
    const status = run(binary, [vitestEntry(packageDir), 'run'], packageDir, {
      ...cleanEnv,
      CI: process.env.CI ?? 'true',
    });
    results.push({ version, dir, ok: status === 0, seconds: (performance.now() - started) / 1000 });
  }
}

console.log('\nnode-matrix results');
for (const { version, dir, ok, seconds } of results) {
  console.log(
    `  ${ok ? 'pass' : 'FAIL'}  Node ${version.padEnd(8)} ${dir.padEnd(20)} ${seconds.toFixed(1)} s`,
  );
}
const failed = results.filter((result) => !result.ok).length;
console.log(`node-matrix: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
