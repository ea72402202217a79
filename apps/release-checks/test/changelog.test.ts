// Each published package's CHANGELOG.md is written by Changesets when `pnpm version-packages`
// runs `changeset version`: with this repository's .changeset/config.json, a pending changeset
// becomes a section under the package's heading, newest first. Run on a copy (a package with its
// CHANGELOG.md and one changeset) in a temporary folder, never on the workspace.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/spec-layout.js';
import { PUBLISHED_PACKAGES } from '../src/tarball/published-packages.js';
import { runCommand } from '../src/tarball/run-command.js';

const work = mkdtempSync(join(tmpdir(), 'hwsec-changelog-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a CHANGELOG.md per published package, from changesets', () => {
  it.each(PUBLISHED_PACKAGES.map((p) => [p.name, p.dir] as const))('%s', async (name, dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(manifest.files).toContain('CHANGELOG.md');
    const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog.split('\n')[0]).toBe(`# ${name}`);

    const project = join(work, name.replace('/', '+'));
    mkdirSync(join(project, '.changeset'), { recursive: true });
    cpSync(
      join(REPO_ROOT, '.changeset', 'config.json'),
      join(project, '.changeset', 'config.json'),
    );
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name, version: '1.4.0' }));
    writeFileSync(join(project, 'CHANGELOG.md'), changelog);
    writeFileSync(
      join(project, '.changeset', 'a-new-option.md'),
      `---\n${JSON.stringify(name)}: minor\n---\n\nA new option.\n`,
    );
    await runCommand(join(REPO_ROOT, 'node_modules', '.bin', 'changeset'), ['version'], {
      cwd: project,
    });
    expect(readFileSync(join(project, 'CHANGELOG.md'), 'utf8')).toMatch(
      new RegExp(`^# ${name}\\n\\n## 1\\.5\\.0\\n\\n### Minor Changes\\n\\n- A new option\\.\\n`),
    );
  });
});
