// npm provenance refuses a package whose `repository` does not name the repository that built
// it. The repository's address is only known where it is built, so the release job writes it
// into each published package.json from GITHUB_REPOSITORY just before `changeset publish`.
import { readFileSync, writeFileSync } from 'node:fs';

const PUBLISHED = ['spec', 'packages/core', 'packages/hss', 'packages/dsc', 'packages/secmaster'];
const repository = process.env.GITHUB_REPOSITORY;

if (!repository) {
  console.log('set-repository: GITHUB_REPOSITORY is not set; package.json files left as they are');
} else {
  for (const directory of PUBLISHED) {
    const file = `${directory}/package.json`;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.repository = {
      type: 'git',
      url: `git+https://github.com/${repository}.git`,
      directory,
    };
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`set-repository: ${manifest.name} -> github.com/${repository} (${directory})`);
  }
}
