#!/usr/bin/env node
// Installs the pinned runtimes (../pins) into the shared cache, once per lockfile content.
// npm runs inside that folder, not with --prefix: with --prefix npm would read DIR/etc/npmrc as
// its global config instead of the machine's, losing a proxy CA declared there (`cafile`). The
// environment is passed on as is (NODE_EXTRA_CA_CERTS, HTTPS_PROXY, npm_config_* ...), less
// the variables pnpm sets for its own scripts. The folder appears whole or not at all: npm
// installs into a temporary sibling that is renamed into place, so two setups at once (two
// clones) never see half an install.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  PINS_DIR,
  RUNTIMES,
  runtimeBinary,
  runtimeCacheDir,
  withoutPnpmScriptVariables,
} from './runtimes.mjs';

function fail(message) {
  console.error(`setup: ${message}`);
  process.exit(1);
}

function versionLine(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().split('\n')[0] : undefined;
}

const target = runtimeCacheDir();
if (!existsSync(join(target, 'node_modules'))) {
  mkdirSync(dirname(target), { recursive: true });
  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  for (const file of ['package.json', 'package-lock.json'])
    copyFileSync(join(PINS_DIR, file), join(staging, file));
  console.log(`setup: installing ${Object.keys(RUNTIMES).join(', ')} into ${target}`);
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: staging,
    env: withoutPnpmScriptVariables(),
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (npm.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    const reason =
      (npm.stderr ?? '')
        .split('\n')
        .filter((line) => /npm error (code|request|reason)|ERR|error/.test(line))
        .slice(0, 2)
        .join(' / ') ||
      npm.error?.message ||
      `exit ${npm.status}`;
    fail(
      `could not install the pinned runtimes with npm (${reason}). Fix: make \`npm view deno version\` work here (registry, proxy, cafile/NODE_EXTRA_CA_CERTS), then rerun \`bash scripts/setup.sh\``,
    );
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another setup finished first with the same pins: keep its copy.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(target, 'node_modules'))) fail(`could not move ${staging}: ${error}`);
  }
}

const ready = [];
for (const name of Object.keys(RUNTIMES)) {
  let binary;
  try {
    binary = runtimeBinary(name);
  } catch (error) {
    // Not every platform has every pinned binary: say so; the tests that need it will too.
    console.warn(`setup: warning: ${error.message}`);
    continue;
  }
  const line = versionLine(binary);
  if (!line) fail(`${binary} does not run; delete ${target} and rerun \`bash scripts/setup.sh\``);
  ready.push(`${name} (${line})`);
}
console.log(`setup: runtimes ready: ${ready.join(', ')}`);
