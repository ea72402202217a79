import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readApiRegistry } from '@hwsec/spec';
import { REPO_ROOT, SPEC_DIR } from '../spec-layout.js';

export interface PublishedPackage {
  readonly name: string;
  /** Absolute path of the package folder in the workspace. */
  readonly dir: string;
}

/** The package.json of `dir`: its name, and whether it is private. */
function manifest(dir: string): { name: string; private?: boolean } {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/**
 * Everything users install from npm: the spec and every package under packages/ that is not
 * private (core and the clients). The apps and tools are private and never packed. Every client
 * the registry names (`x-hwsec-client`) must be one of them.
 */
function publishedPackages(): PublishedPackage[] {
  const packagesDir = join(REPO_ROOT, 'packages');
  const dirs = [
    ...readdirSync(packagesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(packagesDir, entry.name))
      .filter((dir) => existsSync(join(dir, 'package.json')))
      .sort(),
    SPEC_DIR,
  ];
  const published = dirs
    .map((dir) => ({ dir, ...manifest(dir) }))
    .filter((pkg) => !pkg.private)
    .map(({ name, dir }) => ({ name, dir }));
  const names = new Set(published.map((pkg) => pkg.name));
  for (const api of readApiRegistry().apis)
    if (api.client && !names.has(api.client.package))
      throw new Error(
        `${api.id}'s client ${api.client.package} (x-hwsec-client) is no published package under packages/`,
      );
  return published;
}

export const PUBLISHED_PACKAGES: readonly PublishedPackage[] = publishedPackages();
