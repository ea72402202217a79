/**
 * The baseline is the bundle of each API as last released, kept in the repository because the
 * bundles themselves are build output. It moves only when @hwsec/spec gets a new version (in the
 * "Version Packages" pull request), so between releases every spec edit is compared with what
 * users actually have.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { baselinePath, bundlePath, SPEC_APIS } from './spec-layout.js';
import { specPackageVersion } from './spec-version.js';

function bundledVersion(path: string): string | undefined {
  return (JSON.parse(readFileSync(path, 'utf8')) as { info?: { version?: string } }).info?.version;
}

export interface BaselineRefresh {
  readonly updated: boolean;
  readonly from: string | undefined;
  readonly to: string;
}

export function refreshBaseline(
  specDir: string,
  baselineDir: string,
  options: { force?: boolean } = {},
): BaselineRefresh {
  const version = specPackageVersion(specDir);
  const first = baselinePath(baselineDir, SPEC_APIS[0]!);
  const from = existsSync(first) ? bundledVersion(first) : undefined;
  if (from === version && !options.force) return { updated: false, from, to: version };
  for (const api of SPEC_APIS) {
    const bundle = bundlePath(specDir, api);
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: bundle the spec first`);
    const bundled = bundledVersion(bundle);
    if (bundled !== version) {
      throw new Error(
        `${bundle} says info.version ${bundled}, package says ${version}: sync the version and re-bundle first`,
      );
    }
  }
  mkdirSync(baselineDir, { recursive: true });
  for (const api of SPEC_APIS)
    copyFileSync(bundlePath(specDir, api), baselinePath(baselineDir, api));
  return { updated: true, from, to: version };
}
