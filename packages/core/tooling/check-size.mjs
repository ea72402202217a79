#!/usr/bin/env node
// Size budget of a client package: bundles each entry listed under "sizeBudget" in the package's
// package.json for the browser (minified, everything included: openapi-fetch, the signer, the
// client), gzips it and fails when it is over its limit. Run from the client package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
let failed = false;
for (const { name, entry, limitBytes } of pkg.sizeBudget ?? []) {
  const result = await build({
    entryPoints: [join(process.cwd(), entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const ok = gzip <= limitBytes;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${pkg.name} ${name}: ${(gzip / 1024).toFixed(2)} kB gzip (${(code.length / 1024).toFixed(1)} kB min), budget ${(limitBytes / 1024).toFixed(2)} kB`);
}
if (!pkg.sizeBudget?.length) {
  console.error('no "sizeBudget" entries in package.json');
  failed = true;
}
process.exit(failed ? 1 : 0);
