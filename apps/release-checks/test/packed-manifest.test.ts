import { describe, expect, it } from 'vitest';
import { manifestProblems } from '../src/tarball/packed-manifest.js';

const tarball = {
  name: '@hwsec/x',
  version: '1.0.0',
  file: '/tmp/x.tgz',
  files: ['dist/index.js', 'dist/index.d.ts', 'README.md'],
};

describe('packed package.json checks', () => {
  it('accepts a manifest whose entry points all ship and whose ranges are real', () => {
    const manifest = {
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './package.json': './package.json',
        './*': './dist/*.js',
      },
      dependencies: { 'openapi-fetch': '0.17.0' },
    };
    expect(
      manifestProblems({ ...tarball, files: [...tarball.files, 'package.json'] }, manifest),
    ).toEqual([]);
  });

  it('names every entry point that is not in the tarball', () => {
    const manifest = {
      types: './dist/index.d.ts',
      exports: { '.': { types: './dist/index.d.ts', import: ['./dist/esm.js'] } },
      imports: { '#crypto': { node: './dist/crypto/node.js', default: './dist/crypto/web.js' } },
      bin: { x: './dist/cli.js' },
    };
    expect(manifestProblems(tarball, manifest)).toEqual([
      '@hwsec/x: dist/esm.js is named in package.json but not in the tarball',
      '@hwsec/x: dist/crypto/node.js is named in package.json but not in the tarball',
      '@hwsec/x: dist/crypto/web.js is named in package.json but not in the tarball',
      '@hwsec/x: dist/cli.js is named in package.json but not in the tarball',
    ]);
  });

  it('rejects ranges that only resolve inside the workspace', () => {
    const manifest = {
      dependencies: { '@hwsec/core': 'workspace:*', a: 'link:../a' },
      peerDependencies: { b: 'file:../b' },
    };
    expect(manifestProblems(tarball, manifest)).toEqual([
      '@hwsec/x: dependencies.@hwsec/core is "workspace:*", which only resolves inside the workspace',
      '@hwsec/x: dependencies.a is "link:../a", which only resolves inside the workspace',
      '@hwsec/x: peerDependencies.b is "file:../b", which only resolves inside the workspace',
    ]);
  });
});
