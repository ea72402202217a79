// The clients' API reference (TypeDoc, built by @hwsec/api-reference from the packages' shipped
// declarations) is served under api/ of the site; both landing pages link to it. Each of its
// pages must be as self-contained as the rest of the site.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { assertSelfContained } from './offline.mjs';

export function copyApiReference(distDir) {
  const built = join(
    dirname(createRequire(import.meta.url).resolve('@hwsec/api-reference/package.json')),
    'dist',
  );
  const target = join(distDir, 'api');
  cpSync(built, target, { recursive: true });
  for (const file of readdirSync(target, { recursive: true, encoding: 'utf8' }))
    if (file.endsWith('.html'))
      assertSelfContained(`api/${file}`, readFileSync(join(target, file), 'utf8'));
}
