import { join } from 'node:path';
import { REPO_ROOT } from '../spec-layout.js';

export interface PublishedPackage {
  readonly name: string;
  /** Absolute path of the package folder in the workspace. */
  readonly dir: string;
}

/** Everything users install from npm. The apps are private and never packed. */
export const PUBLISHED_PACKAGES: readonly PublishedPackage[] = [
  { name: '@hwsec/core', dir: join(REPO_ROOT, 'packages', 'core') },
  { name: '@hwsec/hss', dir: join(REPO_ROOT, 'packages', 'hss') },
  { name: '@hwsec/dsc', dir: join(REPO_ROOT, 'packages', 'dsc') },
  { name: '@hwsec/secmaster', dir: join(REPO_ROOT, 'packages', 'secmaster') },
  { name: '@hwsec/spec', dir: join(REPO_ROOT, 'spec') },
];
