#!/usr/bin/env node
// Size budget of a client package: bundles each entry listed under "sizeBudget" in the package's
// package.json (minified, everything included: openapi-fetch, the signer, the client) for the
// browser, or for Node with `"platform": "node"` (the node:http transport instead of global
// fetch; Node built-ins stay external), gzips it and fails when it is over its limit. Run from
// the client package.
//
// The bundle is split as an app's bundler would split it: an entry's size is its chunk plus every
// chunk it imports statically (what loads before the first request is sent); chunks reached only
// through a dynamic import() load on first use and are printed apart. An entry with
// `"lazy": true` budgets those lazily loaded chunks instead.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The chunks `from` loads, following imports of `kind`, `from` included. */
function reach(outputs, from, kinds) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path) || !outputs[path]) return;
    seen.add(path);
    for (const { path: next, kind } of outputs[path].imports) if (kinds.includes(kind)) visit(next);
  };
  for (const path of from) visit(path);
  return seen;
}

const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
// Splitting needs an output folder; nothing is written to it (write: false).
const outdir = join(tmpdir(), 'hwsec-size');
let failed = false;
for (const { name, entry, limitBytes, platform = 'browser', lazy = false } of pkg.sizeBudget ??
  []) {
  const result = await build({
    entryPoints: [join(process.cwd(), entry)],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    outdir,
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const files = new Map(
    result.outputFiles.map((file) => [relative(process.cwd(), file.path), file]),
  );
  const { outputs } = result.metafile;
  const entryChunk = Object.keys(outputs).find((path) => outputs[path].entryPoint);
  const eager = reach(outputs, [entryChunk], ['import-statement']);
  const dynamic = [...eager].flatMap((path) =>
    outputs[path].imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
  );
  const later = [...reach(outputs, dynamic, ['import-statement'])].filter((p) => !eager.has(p));
  // Each chunk is fetched (and compressed) on its own.
  const measure = (paths) => {
    let gzip = 0;
    let min = 0;
    for (const path of paths) {
      const code = files.get(path).contents;
      gzip += gzipSync(code, { level: 9 }).length;
      min += code.length;
    }
    return { gzip, min, chunks: paths.length };
  };
  if (lazy && later.length === 0) {
    // The budget is for code loaded on first use: none means it moved into the main path.
    console.log(`NONE ${pkg.name} ${name} (${platform}): nothing is loaded by dynamic import()`);
    failed = true;
    continue;
  }
  const size = measure(lazy ? later : [...eager]);
  const ok = size.gzip <= limitBytes;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${pkg.name} ${name} (${platform}): ${size.gzip} B gzip (${size.min} B min, ${size.chunks} chunk${size.chunks === 1 ? '' : 's'}), budget ${limitBytes} B`,
  );
  if (!lazy && later.length > 0) {
    const rest = measure(later);
    console.log(
      `       + loaded on first use: ${rest.gzip} B gzip (${rest.min} B min, ${rest.chunks} chunk${rest.chunks === 1 ? '' : 's'})`,
    );
  }
}
if (!pkg.sizeBudget?.length) {
  console.error('no "sizeBudget" entries in package.json');
  failed = true;
}
process.exit(failed ? 1 : 0);
