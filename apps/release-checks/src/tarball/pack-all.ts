/**
 * `pnpm pack:all`: every published package packed as `pnpm publish` would pack it, into one
 * folder, so that a client installs with its core from there before anything is on npm:
 * `npm install <folder>/hwsec-core-*.tgz <folder>/hwsec-hss-*.tgz`.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packPackage, type PackedTarball } from './pack.js';
import { PUBLISHED_PACKAGES } from './published-packages.js';

export async function packAll(folder: string): Promise<PackedTarball[]> {
  mkdirSync(folder, { recursive: true });
  // Old versions would make the README's `hwsec-core-*.tgz` match twice.
  for (const name of readdirSync(folder)) if (name.endsWith('.tgz')) rmSync(join(folder, name));
  const tarballs: PackedTarball[] = [];
  // One at a time: pnpm pack runs each package's prepack, and the machine has two cores.
  for (const pkg of PUBLISHED_PACKAGES) tarballs.push(await packPackage(pkg.dir, folder));
  return tarballs;
}
