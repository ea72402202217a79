// What `pnpm …` in the documentation can name: the scripts of the root and of every workspace
// package, read from their package.json files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly scripts: Readonly<Record<string, string>>;
}

export function workspacePackages(repo: string): WorkspacePackage[] {
  const dirs = [repo, join(repo, 'spec')];
  for (const group of ['packages', 'apps', 'tools'])
    for (const entry of readdirSync(join(repo, group), { withFileTypes: true }))
      if (entry.isDirectory()) dirs.push(join(repo, group, entry.name));
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return { name: manifest.name, dir, scripts: manifest.scripts ?? {} };
    });
}

/** pnpm's own commands the documentation uses on purpose (not scripts). */
const PNPM_COMMANDS = new Set(['add', 'exec', 'install', 'pack', 'publish']);

/**
 * Why `command` (a `pnpm …` line) would not run the script it means, or undefined when it does:
 * the script must exist in the package it targets. Without `--filter` that is the root, or the
 * package whose README says it (a reader runs it in that folder).
 */
export function unresolvedPnpmCommand(
  command: string,
  packages: readonly WorkspacePackage[],
  readmePackageDir?: string,
): string | undefined {
  const words = command.replace(/^([A-Z][A-Z0-9_]*=\S*\s+)*/, '').split(/\s+/);
  if (words[0] !== 'pnpm') return undefined;
  let filter: string | undefined;
  const rest: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--filter' || word === '-F') filter = words[++i];
    else if (word.startsWith('--filter=')) filter = word.slice('--filter='.length);
    else rest.push(word);
  }
  let [name, ...args] = rest;
  if (name === 'run') [name, ...args] = args;
  else if (name !== undefined && PNPM_COMMANDS.has(name)) return undefined;
  if (name === undefined || name.startsWith('-')) return `\`${command}\` names no script`;
  const target = filter?.replace(/\.\.\.$/, '');
  const own = packages.find((p) => p.dir === readmePackageDir);
  const pkg =
    target !== undefined
      ? packages.find((p) => p.name === target)
      : own && name in own.scripts
        ? own
        : packages[0];
  if (!pkg) return `\`${command}\`: no workspace package ${target}`;
  if (!(name in pkg.scripts))
    return `\`${command}\`: ${pkg.name} has no script "${name}" (pnpm would run its own command or fail)`;
  return undefined;
}
