/**
 * Checks on a packed tarball's own package.json: every file its `exports`, `imports`, `main`,
 * `types` and `bin` point at is in the tarball, and no `workspace:` range survived packing.
 */
import type { PackedTarball } from './pack.js';
import { runCommand } from './run-command.js';

type Manifest = Record<string, unknown>;

export async function readPackedManifest(tarball: PackedTarball): Promise<Manifest> {
  const { stdout } = await runCommand('tar', ['-xOzf', tarball.file, 'package/package.json'], {
    cwd: process.cwd(),
  });
  return JSON.parse(stdout) as Manifest;
}

/** Relative file paths named anywhere in an exports/imports/bin value (conditions nest). */
function targetsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('./') ? [value.slice(2)] : [];
  if (Array.isArray(value)) return value.flatMap(targetsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(targetsOf);
  return [];
}

export function manifestProblems(tarball: PackedTarball, manifest: Manifest): string[] {
  const problems: string[] = [];
  const shipped = new Set(tarball.files);
  const entryPoints = [manifest.exports, manifest.imports, manifest.bin].flatMap(targetsOf).concat(
    ['main', 'module', 'types', 'typings']
      .map((key) => manifest[key])
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.replace(/^\.\//, '')),
  );
  for (const target of new Set(entryPoints)) {
    // Subpath patterns (`./*`) cannot be checked file by file.
    if (!target.includes('*') && !shipped.has(target))
      problems.push(`${tarball.name}: ${target} is named in package.json but not in the tarball`);
  }
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
    const ranges = (manifest[field] ?? {}) as Record<string, string>;
    for (const [name, range] of Object.entries(ranges)) {
      if (
        range.startsWith('workspace:') ||
        range.startsWith('link:') ||
        range.startsWith('file:')
      ) {
        problems.push(
          `${tarball.name}: ${field}.${name} is "${range}", which only resolves inside the workspace`,
        );
      }
    }
  }
  return problems;
}
