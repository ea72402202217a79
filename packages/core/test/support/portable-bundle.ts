// The portable fault driver as the web build runs it: bundled for the browser (Web Crypto signer,
// the global fetch as the default transport, no Node built-in), written to a temporary file and
// imported into this Node process.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleForBrowser } from './browser-bundle.js';

export async function importWebBuild<T>(entry: string): Promise<T> {
  const text = await bundleForBrowser(entry);
  if (/["']node:[a-z]+["']/.test(text)) throw new Error('the web build holds a Node built-in');
  const file = join(mkdtempSync(join(tmpdir(), 'hwsec-web-build-')), 'bundle.mjs');
  writeFileSync(file, text);
  return (await import(pathToFileURL(file).href)) as T;
}
