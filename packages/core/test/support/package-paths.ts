// Where the tests find core: this copy's own folder (the mutation sandbox in a mutation run).
// HWSEC_CORE_FROM_SOURCE=1 (mutation runs) swaps core's build for its source, so bundles made
// here carry the mutant under test too.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This copy of core: its own folder (the mutation sandbox in a mutation run). */
const coreDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const coreFromSource = process.env.HWSEC_CORE_FROM_SOURCE === '1';

/** A conditional import of core (`#fetch`, `#crypto`) in its web form, for mutation runs. */
export const coreWebModule = (name: 'fetch' | 'crypto') => join(coreDir, 'src', name, 'web.ts');

/** Maps a path inside core's build to its source file, when running from source. */
export function coreBuildToSource(path: string): string {
  const dist = join(coreDir, 'dist') + '/';
  if (!coreFromSource || !path.startsWith(dist) || !path.endsWith('.js')) return path;
  return join(coreDir, 'src', path.slice(dist.length, -'.js'.length) + '.ts');
}
