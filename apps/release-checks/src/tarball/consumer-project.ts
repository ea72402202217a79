/**
 * A fresh npm project outside the workspace, like a user's: the packed tarballs are its only
 * source of @hwsec code; everything else comes from npm's cache, which setup fills from the
 * registry. No parent folder may hold a node_modules, or Node would find workspace copies there
 * and hide a missing dependency.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../spec-layout.js';
import type { PackedTarball } from './pack.js';
import { runCommand } from './run-command.js';

/**
 * What a TypeScript user of the clients has beside them. Exact, like the workspace; in a file of
 * its own because setup reads it too, to put these into npm's cache before any test runs.
 */
export const CONSUMER_DEV_DEPENDENCIES: Readonly<Record<string, string>> = JSON.parse(
  readFileSync(join(REPO_ROOT, 'apps', 'release-checks', 'consumer-dependencies.json'), 'utf8'),
);

export function assertIsolated(projectDir: string): void {
  const fromRepo = relative(REPO_ROOT, resolve(projectDir));
  if (!fromRepo.startsWith('..'))
    throw new Error(`${projectDir} is inside the workspace; the consumer must live outside it`);
  for (let dir = dirname(resolve(projectDir)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) {
      throw new Error(
        `${join(dir, 'node_modules')} exists above the consumer project and could supply undeclared dependencies`,
      );
    }
    if (dirname(dir) === dir) break;
  }
}

/** Env for npm and node in the consumer: nothing that could point back into the workspace. */
export function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of Object.keys(env)) {
    // pnpm exports npm_config_* and NODE_PATH to scripts; they must not steer the user's npm.
    if (
      key.startsWith('npm_') ||
      key.startsWith('PNPM_') ||
      key === 'NODE_PATH' ||
      key === 'NODE_OPTIONS'
    )
      delete env[key];
  }
  env.npm_config_audit = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_update_notifier = 'false';
  return env;
}

export async function createConsumerProject(
  projectDir: string,
  tarballs: readonly PackedTarball[],
): Promise<void> {
  assertIsolated(projectDir);
  mkdirSync(projectDir, { recursive: true });
  const dependencies = Object.fromEntries(tarballs.map((t) => [t.name, `file:${t.file}`]));
  const manifest = {
    name: 'hwsec-consumer',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies,
    devDependencies: CONSUMER_DEV_DEPENDENCIES,
  };
  writeFileSync(join(projectDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // --offline: tests never download; setup filled npm's cache (scripts/fill-npm-cache.mjs). A
  // dependency found nowhere else fails with ENOTCACHED, naming it.
  await runCommand('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: projectDir,
    env: isolatedEnv(),
    timeoutMs: 180_000,
  });
  assertTarballsInstalled(projectDir, tarballs);
}

/**
 * Every @hwsec package must come from its tarball, exactly once. A version mismatch between a
 * tarball and a rewritten `workspace:*` range would make npm fetch (or fail to fetch) another
 * copy from the registry instead.
 */
export function assertTarballsInstalled(
  projectDir: string,
  tarballs: readonly PackedTarball[],
): void {
  const lock = JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; resolved?: string }>;
  };
  const names = new Set(tarballs.map((t) => t.name));
  for (const [path, entry] of Object.entries(lock.packages)) {
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (!path || !name.startsWith('@hwsec/')) continue;
    if (path !== `node_modules/${name}` || !names.has(name)) {
      throw new Error(
        `npm installed ${name} at ${path} from ${entry.resolved ?? 'the registry'}: a dependency range does not match the packed version`,
      );
    }
    if (!entry.resolved?.startsWith('file:'))
      throw new Error(`${name} did not come from its tarball (${entry.resolved ?? 'registry'})`);
  }
}
