import { readApiRegistry } from '@hwsec/spec';
import { publishedManifests } from '../../scripts/published-manifests.mjs';
import { REPO_ROOT } from '../spec-layout.js';

export interface PublishedPackage {
  readonly name: string;
  /** Absolute path of the package folder in the workspace. */
  readonly dir: string;
}

/**
 * Everything users install from npm (the spec, core and the clients; see publishedManifests).
 * Every client the registry names (`x-hwsec-client`) must be one of them.
 */
function publishedPackages(): PublishedPackage[] {
  const published = publishedManifests(REPO_ROOT).map(({ dir, manifest }) => ({
    name: manifest.name,
    dir,
  }));
  const names = new Set(published.map((pkg) => pkg.name));
  for (const api of readApiRegistry().apis)
    if (api.client && !names.has(api.client.package))
      throw new Error(
        `${api.id}'s client ${api.client.package} (x-hwsec-client) is no published package under packages/`,
      );
  return published;
}

export const PUBLISHED_PACKAGES: readonly PublishedPackage[] = publishedPackages();
