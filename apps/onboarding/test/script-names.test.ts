// No script of the workspace is named like one of pnpm's own commands (`pnpm docs` opens a
// registry page, `pnpm setup` edits the shell's rc file): asked by pnpm itself, not a list of
// ours. A package whose scripts carry every workspace script name, each printing its own name, is
// run with `pnpm <name> --help`: a script prints its marker, pnpm's own command prints its help.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { workspacePackages } from './support/workspace-scripts.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const names = [...new Set(workspacePackages(repo).flatMap((p) => Object.keys(p.scripts)))].sort();
const probe = mkdtempSync(join(tmpdir(), 'hwsec-script-names-'));
writeFileSync(
  join(probe, 'package.json'),
  JSON.stringify({
    name: 'probe',
    private: true,
    scripts: Object.fromEntries(names.map((name) => [name, `echo ran-the-script:${name}`])),
  }),
);
afterAll(() => rmSync(probe, { recursive: true, force: true }));

function pnpm(args: string[]): Promise<string> {
  return new Promise((resolve) => {
    // A fresh HOME: a pnpm command reached by mistake can touch no user file.
    const env = { PATH: process.env['PATH'] ?? '', HOME: probe };
    execFile('pnpm', args, { cwd: probe, env, timeout: 120_000 }, (_error, stdout, stderr) =>
      resolve(`${stdout}${stderr}`),
    );
  });
}

describe.concurrent(
  '`pnpm <script>` runs the script, for every script name of the workspace',
  () => {
    it('finds the scripts (root and packages)', () => {
      expect(names).toEqual(expect.arrayContaining(['start', 'mock', 'site', 'test', 'build']));
    });
    it.each(names)('pnpm %s', async (name) => {
      expect(await pnpm([name, '--help'])).toContain(`ran-the-script:${name}`);
    });
  },
);
