import getChangesets from '@changesets/read';

export type BumpType = 'major' | 'minor' | 'patch' | 'none';

const ORDER: readonly BumpType[] = ['none', 'patch', 'minor', 'major'];

/**
 * The highest bump each package gets from the pending changesets (`.changeset/*.md` under
 * `repoRoot`), read with changesets' own parser so that the check and `changeset version` can
 * never disagree about what a file declares.
 */
export async function declaredBumps(repoRoot: string): Promise<Map<string, BumpType>> {
  const result = new Map<string, BumpType>();
  for (const changeset of await getChangesets(repoRoot)) {
    for (const release of changeset.releases) {
      const current = result.get(release.name) ?? 'none';
      if (ORDER.indexOf(release.type) > ORDER.indexOf(current))
        result.set(release.name, release.type);
    }
  }
  return result;
}
