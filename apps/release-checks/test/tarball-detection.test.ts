/**
 * The tarball check must fail for the mistakes it exists to catch. Each case packs a broken copy
 * of @hwsec/core (built output copied out of the workspace, then damaged one way) and expects
 * the pipeline to reject it at the step that should notice.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PUBLISHED_PACKAGES } from '../src/tarball/published-packages.js';
import { verifyTarballs } from '../src/tarball/verify-tarballs.js';

const coreDir = PUBLISHED_PACKAGES.find((pkg) => pkg.name === '@hwsec/core')!.dir;
const consumer = {
  'consumer.ts': `import { unwrap, createAkSkSigner } from '@hwsec/core';
// Never called: the line only has to be a type error.
const probe = () => {
  // @ts-expect-error unwrap takes a result object
  unwrap('not a result');
};
void probe;
console.log(typeof unwrap, typeof createAkSkSigner);
`,
};

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hwsec-broken-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function brokenCore(damage: (dir: string) => void): string {
  const dir = join(root, 'core');
  for (const entry of ['package.json', 'README.md', 'dist'])
    cpSync(join(coreDir, entry), join(dir, entry), { recursive: true });
  // The copy packs outside the workspace, where a workspace-only devDependency (the test
  // support) cannot be resolved; devDependencies play no part in what a tarball installs.
  editManifest(dir, (manifest) => delete manifest['devDependencies']);
  damage(dir);
  return dir;
}

function editManifest(dir: string, edit: (manifest: Record<string, any>) => void): void {
  const path = join(dir, 'package.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  edit(manifest);
  writeFileSync(path, JSON.stringify(manifest, null, 2));
}

describe('the tarball check fails on a broken package', () => {
  it('passes the undamaged copy, so the cases below fail for their damage alone', async () => {
    const dir = brokenCore(() => {});
    const result = await verifyTarballs({
      packageDirs: [dir],
      workDir: join(root, 'work'),
      consumer,
      modes: ['node16'],
      runEnv: {},
    });
    expect(result.output?.trim()).toBe('function function');
  });

  it('a `files` list that leaves sub-folders out: an entry point is missing from the tarball', async () => {
    const dir = brokenCore((d) =>
      editManifest(d, (m) => (m.files = ['dist/*.js', 'dist/*.d.ts', 'README.md'])),
    );
    const run = verifyTarballs({
      packageDirs: [dir],
      workDir: join(root, 'work'),
      consumer,
      modes: ['bundler'],
    });
    await expect(run).rejects.toThrow(
      /packed manifests are broken[\s\S]*dist\/crypto\/node\.js is named in package\.json but not in the tarball/,
    );
  });

  it('a `.d.ts` that imports a module missing from the tarball fails the bundler typecheck', async () => {
    const dir = brokenCore((d) => rmSync(join(d, 'dist', 'errors.d.ts')));
    const run = verifyTarballs({
      packageDirs: [dir],
      workDir: join(root, 'work'),
      consumer,
      modes: ['bundler'],
    });
    await expect(run).rejects.toThrow(/error TS(2307|7016): [^\n]*module '\.\/errors\.js'/);
  });

  it('code that imports a package it does not declare (found only in the workspace) fails at run time', async () => {
    const dir = brokenCore((d) =>
      appendFileSync(join(d, 'dist', 'index.js'), "\nexport { parse as parseYaml } from 'yaml';\n"),
    );
    const run = verifyTarballs({
      packageDirs: [dir],
      workDir: join(root, 'work'),
      consumer,
      modes: ['node16'],
      runEnv: {},
    });
    await expect(run).rejects.toThrow(
      /ERR_MODULE_NOT_FOUND[\s\S]*'yaml'|Cannot find package 'yaml'/,
    );
  });

  it('a dependency on a private workspace package fails the npm install', async () => {
    const dir = brokenCore((d) =>
      editManifest(d, (m) => (m.dependencies['@hwsec/mock'] = '0.1.0')),
    );
    const run = verifyTarballs({
      packageDirs: [dir],
      workDir: join(root, 'work'),
      consumer,
      modes: [],
    });
    // Offline, as every test installs: npm finds @hwsec/mock in no cache and on no registry.
    await expect(run).rejects.toThrow(/npm install[\s\S]*ENOTCACHED[\s\S]*@hwsec%2fmock/);
  });
});
