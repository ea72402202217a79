#!/usr/bin/env node
// Size budget of a client package: bundles each entry listed under "sizeBudget" in the package's
// package.json (minified, everything included: openapi-fetch, the signer, the client) for the
// browser, or for Node with `"platform": "node"` (the node:http transport instead of global
// fetch; Node built-ins stay external), gzips it and fails when it is over its limit. Run from
// the client package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
let failed = false;
for (const { name, entry, limitBytes, platform = 'browser' } of pkg.sizeBudget ?? []) {
  const result = await build({
    entryPoints: [join(process.cwd(), entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const ok = gzip <= limitBytes;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${pkg.name} ${name} (${platform}): ${gzip} B gzip (${code.length} B min), budget ${limitBytes} B`,
  );
}
if (!pkg.sizeBudget?.length) {
  console.error('no "sizeBudget" entries in package.json');
  failed = true;
}
process.exit(failed ? 1 : 0);
