#!/usr/bin/env node
// `pnpm pack:all [--out <folder>]` (default dist/packages/ at the repo root): writes installable
// tarballs of every published package and prints the npm line that installs each client.
import { relative, resolve } from 'node:path';
import { REPO_ROOT } from '../spec-layout.js';
import { packAll } from '../tarball/pack-all.js';

const outIndex = process.argv.indexOf('--out');
const folder = resolve(
  outIndex > 0 ? process.argv[outIndex + 1]! : resolve(REPO_ROOT, 'dist', 'packages'),
);
const tarballs = await packAll(folder);
for (const tarball of tarballs)
  console.log(
    `packed ${tarball.name}@${tarball.version}: ${relative(process.cwd(), tarball.file)}`,
  );
const core = tarballs.find((t) => t.name === '@hwsec/core')!;
console.log('\nInstall a client with its core, e.g.:');
for (const client of tarballs.filter((t) => !['@hwsec/core', '@hwsec/spec'].includes(t.name)))
  console.log(`  npm install ${core.file} ${client.file}`);
