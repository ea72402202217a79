// Which workspace packages are published to npm, with their manifests. Setup's fill-npm-cache.mjs
// reads it before anything is built, and the release checks (src/tarball/published-packages.ts)
// read it from src and dist alike, so it is plain JavaScript that runs unbuilt, found by the same
// relative path from scripts/, src/tarball/ and dist/tarball/ (typed by its .d.mts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every package folder under packages/ (in name order), then spec/, whose manifest is not
 * private: the spec, core and the clients. The apps and tools are private and never packed.
 * @param {string} repoRoot
 */
export function publishedManifests(repoRoot) {
  const packagesDir = join(repoRoot, 'packages');
  const dirs = [
    ...readdirSync(packagesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(packagesDir, entry.name))
      .filter((dir) => existsSync(join(dir, 'package.json')))
      .sort(),
    join(repoRoot, 'spec'),
  ];
  return dirs
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private);
}
