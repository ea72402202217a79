// npm provenance refuses a package whose `repository` does not name the repository that built
// it. The repository's address is only known where it is built, so the release job writes it
// into each published package.json from GITHUB_REPOSITORY just before `changeset publish`.
// Published means what changesets publishes: every workspace package that is not private.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

// The folders of pnpm-workspace.yaml's globs (spec, packages/*, apps/*).
const workspaceDirs = [
  'spec',
  ...['packages', 'apps'].flatMap((group) =>
    readdirSync(group, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${group}/${entry.name}`),
  ),
];
const repository = process.env.GITHUB_REPOSITORY;

if (!repository) {
  console.log('set-repository: GITHUB_REPOSITORY is not set; package.json files left as they are');
} else {
  for (const directory of workspaceDirs) {
    const file = `${directory}/package.json`;
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    if (manifest.private) continue;
    manifest.repository = {
      type: 'git',
      url: `git+https://github.com/${repository}.git`,
      directory,
    };
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`set-repository: ${manifest.name} -> github.com/${repository} (${directory})`);
  }
}
