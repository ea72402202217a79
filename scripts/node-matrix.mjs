#!/usr/bin/env node
// Runs the clients' test suites under every Node major that users run (support policy:
// CONTRIBUTING.md, "Supported Node versions"). The workspace itself runs on the Node of the
// machine; the other majors come from the npm registry's `node` package (it ships the official
// binaries) and are cached outside the repository, in $HWSEC_NODE_CACHE or ~/.cache/hwsec/node.
//
//   pnpm test:node-matrix                      # Node 22 and 24 (pinned below)
//   pnpm test:node-matrix --include-host       # ... and the Node running this script
//   pnpm test:node-matrix --versions 24.21.0 --packages packages/hss
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// Exact pins: a new patch is a deliberate edit here, like every other version in the repo.
export const NODE_VERSIONS = ['22.23.3', '24.21.0'];
export const CLIENT_PACKAGES = [
  'packages/core',
  'packages/hss',
  'packages/dsc',
  'packages/secmaster',
];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    versions: { type: 'string' },
    packages: { type: 'string' },
    'include-host': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
});
const versions = options.versions ? options.versions.split(',') : NODE_VERSIONS;
const packages = options.packages ? options.packages.split(',') : CLIENT_PACKAGES;
const cacheDir = process.env.HWSEC_NODE_CACHE ?? join(homedir(), '.cache', 'hwsec', 'node');

// pnpm hands npm_* settings to scripts; they must not steer the npm that fetches Node.
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')),
);

function run(file, args, cwd, env = cleanEnv) {
  return spawnSync(file, args, { cwd, env, stdio: 'inherit' }).status;
}

function nodeBinary(version) {
  const prefix = join(cacheDir, version);
  const binary = join(prefix, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(binary)) {
    console.log(`node-matrix: fetching node@${version} into ${prefix}`);
    mkdirSync(prefix, { recursive: true });
    const status = run(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--loglevel=error',
        `node@${version}`,
      ],
      prefix,
    );
    if (status !== 0 || !existsSync(binary)) throw new Error(`could not install node@${version}`);
  }
  const reported = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (reported !== `v${version}`)
    throw new Error(`${binary} reports ${reported}, expected v${version}`);
  return binary;
}

function vitestEntry(packageDir) {
  const manifest = createRequire(join(packageDir, 'package.json')).resolve('vitest/package.json');
  return join(dirname(manifest), 'vitest.mjs');
}

const targets = versions.map((version) => ({ version, binary: nodeBinary(version) }));
if (options['include-host'])
  targets.unshift({ version: process.versions.node, binary: process.execPath });

if (!options['skip-build']) {
  // The suites import the built core and the generated clients; turbo makes this a no-op when cached.
  const filters = packages.flatMap((dir) => ['--filter', `./${dir}`]);
  const status = run(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', ...filters, '--output-logs=errors-only'],
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
