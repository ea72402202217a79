/**
 * The regions the simulated account has a project in: every region the regional APIs' servers
 * name (the `{region}` variable's values of each server of an API that is not global), in the
 * registry's order, each once. A region added to a spec gets its project with no change here.
 */
import { loadBundle, readApiRegistry, type Json } from '@hwsec/spec';

let regions: readonly string[] | undefined;

export function accountRegions(): readonly string[] {
  if (regions) return regions;
  const found = new Set<string>();
  for (const api of readApiRegistry().apis) {
    if (api.global) continue;
    const servers = (loadBundle(api.id)['servers'] ?? []) as Json[];
    for (const server of servers) {
      const region = server?.variables?.region as { default?: string; enum?: string[] } | undefined;
      for (const name of region?.enum ?? (region?.default ? [region.default] : [])) found.add(name);
    }
  }
  return (regions = [...found]);
}
