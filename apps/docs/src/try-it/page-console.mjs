// The Try it console as the build adds it to each API reference page: the panel's markup
// (templates/try-it.html, translated for the page's language like the other templates), the
// page's operations as JSON, and one shared script, try-it.js at the site root, bundled here from
// browser/ with @hwsec/core's browser build (Web Crypto, no Node built-in).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { TEST_CREDENTIALS } from '@hwsec/mock';
import { translateTemplate } from '../template-translation.mjs';
import { consoleData } from './operation-data.mjs';

/** The site-root file every reference page loads the console from. */
export const CONSOLE_SCRIPT = 'try-it.js';

/**
 * The console script's budget, minified (bytes): the signer, the transport and the panel. A
 * build over it fails; it is a defect to fix, never a number to raise.
 */
export const CONSOLE_SCRIPT_BUDGET = 28 * 1024;

const entry = fileURLToPath(new URL('./browser/console.js', import.meta.url));

/** Bundles the console script; throws when it is over its budget. */
export async function buildConsoleScript() {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const script = result.outputFiles[0].text;
  const size = Buffer.byteLength(script);
  if (size > CONSOLE_SCRIPT_BUDGET)
    throw new Error(
      `docs: the Try it console script is ${size} bytes, over its budget of ${CONSOLE_SCRIPT_BUDGET} (src/try-it/page-console.mjs)`,
    );
  return script;
}

/** `templates/try-it.html` in `language` (warns of a translated text the template lost). */
export function consoleTemplate(templatesDir, language) {
  const english = readFileSync(join(templatesDir, 'try-it.html'), 'utf8');
  if (!language.folder) return english;
  const { html, missing } = translateTemplate(
    english,
    join(templatesDir, `try-it.${language.code}.yaml`),
  );
  for (const text of missing)
    console.warn(`docs: ${language.code} Try it console: no longer in try-it.html: ${text}`);
  return html;
}

/** JSON that cannot end the script element it sits in. */
const scriptJson = (value) => JSON.stringify(value).replaceAll('<', '\\u003c');

/**
 * What a reference page gets before `</body>`.
 * @param {string} template the translated console template
 * @param {Record<string, any>} doc the page's bundle @param {object} service
 * @param {string} root the way back to the site root (`../` on a translated page)
 */
export function consoleHtml(template, doc, service, root) {
  const [testKey] = TEST_CREDENTIALS;
  const data = { ...consoleData(doc, service), testKey };
  return [
    template,
    `<script type="application/json" id="hwsec-try-data">${scriptJson(data)}</script>`,
    `<script src="${root}${CONSOLE_SCRIPT}" defer></script>`,
  ].join('\n');
}
