import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The APIs bundled by @hwsec/spec, one document each. */
export const SPEC_APIS = ['hss', 'dsc', 'secmaster'] as const;
export type SpecApi = (typeof SPEC_APIS)[number];

export const SPEC_PACKAGE = '@hwsec/spec';

/** Repository paths, from this file's place in apps/release-checks/{src,dist}/. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SPEC_DIR = join(REPO_ROOT, 'spec');
export const BASELINE_DIR = join(REPO_ROOT, 'apps', 'release-checks', 'baseline');

export function bundlePath(specDir: string, api: SpecApi): string {
  return join(specDir, 'dist', `${api}.json`);
}

export function sourcePath(specDir: string, api: SpecApi): string {
  return join(specDir, 'openapi', api, 'openapi.yaml');
}

export function baselinePath(baselineDir: string, api: SpecApi): string {
  return join(baselineDir, `${api}.json`);
}
