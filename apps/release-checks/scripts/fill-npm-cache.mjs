// Setup's step for the release checks: their consumer projects install with `npm --offline`, as
// tests never download. This puts into npm's cache everything such a project needs from the
// registry: the published packages' own dependencies (read from their manifests) and the tools a
// TypeScript user has beside them (consumer-dependencies.json). It installs them once into a
// throw-away project; npm keeps what it fetched.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedManifests } from './published-manifests.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const repo = join(appDir, '..', '..');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

const dependencies = { ...readJson(join(appDir, 'consumer-dependencies.json')) };
for (const { manifest } of publishedManifests(repo))
  for (const [name, range] of Object.entries(manifest.dependencies ?? {}))
    if (!range.startsWith('workspace:')) dependencies[name] = range;

const project = mkdtempSync(join(tmpdir(), 'hwsec-npm-cache-'));
try {
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'hwsec-npm-cache', version: '0.0.0', private: true, dependencies }),
  );
  const npm = spawnSync(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      '--update-notifier=false',
    ],
    { cwd: project, stdio: 'inherit' },
  );
  if (npm.status !== 0) {
    console.error(
      'setup: npm could not fetch what the release checks install offline. Fix: make `npm view typescript version` work here (registry, proxy, cafile), then rerun',
    );
    process.exit(1);
  }
  console.log(
    `setup: npm cache holds ${Object.keys(dependencies).sort().join(', ')} and their dependencies`,
  );
} finally {
  rmSync(project, { recursive: true, force: true });
}
