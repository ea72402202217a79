/**
 * Where the release checks find the spec and the baseline. Which APIs exist, and where each one's
 * source and bundle live, is the @hwsec/spec registry's to say (`apiIds`, `apiFiles`).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiFiles, apiIds } from '@hwsec/spec';

/** The APIs bundled by @hwsec/spec, one document each (the registry's ids). */
export const SPEC_APIS: readonly string[] = apiIds();
export type SpecApi = string;

export const SPEC_PACKAGE = '@hwsec/spec';

/** Repository paths, from this file's place in apps/release-checks/{src,dist}/. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SPEC_DIR = join(REPO_ROOT, 'spec');
export const BASELINE_DIR = join(REPO_ROOT, 'apps', 'release-checks', 'baseline');

export function bundlePath(specDir: string, api: SpecApi): string {
  return apiFiles(api, specDir).bundleJson;
}

export function sourcePath(specDir: string, api: SpecApi): string {
  return apiFiles(api, specDir).source;
}

export function baselinePath(baselineDir: string, api: SpecApi): string {
  return join(baselineDir, `${api}.json`);
}
