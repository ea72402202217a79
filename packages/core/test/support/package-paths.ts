// Where the tests find the packages they load. Paths come from the workspace root, not from this
// file, so they also hold in the copy of core that a mutation run tests (see
// vitest.mutation.config.ts). HWSEC_CORE_FROM_SOURCE=1 (mutation runs) swaps core's build for
// its source, so bundles made here carry the mutant under test too.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function workspaceRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('no pnpm-workspace.yaml above the core tests');
    dir = parent;
  }
  return dir;
}

/** The built entry of a client package (`hss`, `dsc`, `secmaster`). */
export const clientBuild = (name: string) =>
  join(workspaceRoot(), 'packages', name, 'dist', 'index.js');

/** This copy of core: its own folder (the mutation sandbox in a mutation run). */
const coreDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const coreFromSource = process.env.HWSEC_CORE_FROM_SOURCE === '1';

/** Core's entry as tests import it: the build, or in a mutation run the source. */
export const coreEntry = () => join(coreDir, coreFromSource ? 'src/index.ts' : 'dist/index.js');

/** A conditional import of core (`#fetch`, `#crypto`) in its web form, for mutation runs. */
export const coreWebModule = (name: 'fetch' | 'crypto') => join(coreDir, 'src', name, 'web.ts');

/** Maps a path inside core's build to its source file, when running from source. */
export function coreBuildToSource(path: string): string {
  const dist = join(coreDir, 'dist') + '/';
  if (!coreFromSource || !path.startsWith(dist) || !path.endsWith('.js')) return path;
  return join(coreDir, 'src', path.slice(dist.length, -'.js'.length) + '.ts');
}
