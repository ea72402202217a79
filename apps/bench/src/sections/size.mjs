// Size: esbuild bundles (minified, then gzip -9) of "one signed call" per client of the registry, for Node and
// for the browser, beside the same program on the official core; and the install footprint of
// each client's production dependency closure.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { listOperations, loadBundle, readApiRegistry } from '@hwsec/spec';

const HERE = fileURLToPath(new URL('..', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * "One signed call" with a client, as its package and factory are named in the spec's
 * x-hwsec-client: what the size benchmark bundles (never run). The call's arguments come from
 * globals so that no example body inflates the bundle.
 */
function clientEntry(api) {
  const region = loadBundle(api.id).servers?.[0]?.variables?.region?.default;
  const [op] = listOperations(loadBundle(api.id));
  const method = op.operationId.charAt(0).toLowerCase() + op.operationId.slice(1);
  return `import { ${api.client.factory} } from '${api.client.package}';
const client = ${api.client.factory}({
  ${region === undefined ? 'baseUrl: globalThis.HWSEC_BASE_URL' : `region: ${JSON.stringify(region)}`},
  projectId: '0123456789abcdef0123456789abcdef',
  credentials: { accessKey: globalThis.HWSEC_AK, secretKey: globalThis.HWSEC_SK },
});
const { data, error } = await client.${method}(globalThis.HWSEC_INIT);
console.log(data ?? error);
`;
}

export const BUNDLES = [
  ...readApiRegistry()
    .apis.filter((api) => api.client)
    .map((api) => ({
      name: api.client.package,
      source: clientEntry(api),
      package: api.client.package,
    })),
  {
    name: '@hwsec/core signer + fetch (no client)',
    entry: 'core-signer.mjs',
    package: '@hwsec/core',
  },
  {
    name: 'official core',
    entry: 'official.mjs',
    package: '@huaweicloud/huaweicloud-sdk-core',
    extra: ['uuid'],
  },
];

async function bundleSize({ entry, source }, platform) {
  try {
    const result = await build({
      ...(source === undefined
        ? { entryPoints: [join(HERE, 'entries', 'size', entry)] }
        : { stdin: { contents: source, resolveDir: BENCH_DIR, loader: 'js' } }),
      absWorkingDir: BENCH_DIR,
      bundle: true,
      minify: true,
      format: 'esm',
      platform,
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].contents;
    return { ok: true, minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
  } catch (error) {
    const errors = error.errors ?? [{ text: String(error) }];
    const unresolved = [
      ...new Set(
        errors.map((e) => /Could not resolve "([^"]+)"/.exec(e.text)?.[1]).filter(Boolean),
      ),
    ];
    return { ok: false, errorCount: errors.length, unresolved, firstError: errors[0]?.text };
  }
}

/** Finds a dependency the way Node does: node_modules folders from the package upwards. */
function findPackageDir(fromDir, name) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

function directoryBytes(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = directoryBytes(path);
      bytes += inner.bytes;
      files += inner.files;
    } else if (entry.isFile()) {
      bytes += statSync(path).size;
      files++;
    }
  }
  return { bytes, files };
}

/** A workspace package installs what `npm pack` would publish; measure that, not its sources. */
function publishedBytes(dir) {
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
  return { bytes: pack.unpackedSize, files: pack.entryCount };
}

export function installFootprint(rootPackages) {
  const seen = new Map();
  const queue = rootPackages.map((name) => findPackageDir(BENCH_DIR, name));
  while (queue.length > 0) {
    const dir = queue.shift();
    if (dir === undefined || seen.has(dir)) continue;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const workspace = !dir.includes(`${join('node_modules', '.pnpm')}`);
    seen.set(dir, {
      name: manifest.name,
      version: manifest.version,
      ...(workspace ? publishedBytes(dir) : directoryBytes(dir)),
    });
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }))
      queue.push(findPackageDir(dir, dep));
  }
  const packages = [...seen.values()];
  return {
    packageCount: packages.length,
    bytes: packages.reduce((sum, p) => sum + p.bytes, 0),
    files: packages.reduce((sum, p) => sum + p.files, 0),
    packages: packages.map((p) => `${p.name}@${p.version}`).sort(),
  };
}

export async function benchSize({ log }) {
  const rows = [];
  for (const bundle of BUNDLES) {
    if (findPackageDir(BENCH_DIR, bundle.package) === undefined) {
      rows.push({ name: bundle.name, missing: true });
      continue;
    }
    const node = await bundleSize(bundle, 'node');
    const browser = await bundleSize(bundle, 'browser');
    const install = installFootprint([bundle.package, ...(bundle.extra ?? [])]);
    rows.push({ name: bundle.name, node, browser, install });
    log(
      `  ${bundle.name}: node ${node.ok ? `${node.gzipBytes} B gz` : 'fails'}, browser ${browser.ok ? `${browser.gzipBytes} B gz` : 'fails'}, install ${install.packageCount} pkgs ${install.bytes} B`,
    );
  }
  return { rows };
}
