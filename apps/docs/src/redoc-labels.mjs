// Redoc's own interface (Request, Path, Responses, Copy, Expand all, the search box's
// "Loading...") in the page's language. Redoc 3 asks one translation hook, `useTranslate`, for
// nearly every label, by key (`request`, `header`, `openapi.expandAll`, …), with the English text
// as default; but the standalone bundle Redocly CLI 2.77 inlines into each page has no option to
// supply it, and its stub always answers with the English default. So the build replaces that
// stub, in the bundle inlined into a translated page, by one that looks the key up in the
// language's labels (templates/redoc.<lang>.yaml) first. The few labels Redoc writes without the
// hook (`Enum:` before a schema's values) are routed through the same lookup.
//
// Each replaced piece of code must occur exactly once: after a Redoc upgrade that changed it the
// build fails here instead of quietly showing English again.
//
// The CLI server-renders the page's first view (sidebar, overview) with its own copy of Redoc,
// in English; when the inlined bundle hydrates it with other labels, React re-renders that view
// in the browser (Redoc's hydrate() expects and silences this), so the reader sees the labels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Redoc's stub hook: the English default, whatever the key. */
const translateStub =
  'useTranslate:()=>({translate:(e,t)=>(typeof t==`string`?t:t?.defaultValue)||e||``})';
const translateWithLabels =
  'useTranslate:()=>({translate:(e,t)=>Object.hasOwn(hwsecRedocLabels,e)?hwsecRedocLabels[e]:(typeof t==`string`?t:t?.defaultValue)||e||``})';

/** The label before a schema's allowed values, written without the hook. */
const enumLabel =
  'function kC(e,t){return`${e?.startsWith(`Array`)?`Items `:``}${t===1?`Value:`:`Enum:`}`}';
const enumLabelWithLabels =
  'function kC(e,t){return`${e?.startsWith(`Array`)?hwsecRedocLabels[`hwsec.items`]??`Items `:``}${t===1?hwsecRedocLabels[`hwsec.value`]??`Value:`:hwsecRedocLabels[`hwsec.enum`]??`Enum:`}`}';

const moduleStart = '<script type="module">';

/**
 * @param {string} templatesDir
 * @param {{ code: string, folder: string }} language
 * @returns {{ key: string, en: string, zh: string }[]} Redoc's labels for the language; none
 *   for the site's source language, whose labels are Redoc's own
 */
export function readRedocLabels(templatesDir, language) {
  if (!language.folder) return [];
  return parse(readFileSync(join(templatesDir, `redoc.${language.code}.yaml`), 'utf8'));
}

function replaceOnce(html, from, to, what) {
  const count = html.split(from).length - 1;
  if (count !== 1)
    throw new Error(
      `Redoc's inlined bundle has ${count} copies of ${what} (expected 1): its code changed; update src/redoc-labels.mjs`,
    );
  return html.replace(from, () => to);
}

/**
 * A built reference page (`redocly build-docs --inlineBundle`) whose Redoc shows `labels`.
 * @param {string} html
 * @param {{ key: string, zh: string }[]} labels empty: the page is returned unchanged
 */
export function localizeRedocLabels(html, labels) {
  if (!labels.length) return html;
  const table = Object.fromEntries(labels.map(({ key, zh }) => [key, zh]));
  let page = replaceOnce(html, translateStub, translateWithLabels, 'the translation hook');
  page = replaceOnce(page, enumLabel, enumLabelWithLabels, 'the enum label');
  // `<` escaped so no label can end the script element it sits in.
  const declaration = `const hwsecRedocLabels=${JSON.stringify(table).replaceAll('<', '\\u003c')};`;
  return replaceOnce(page, moduleStart, `${moduleStart}${declaration}`, 'the module script');
}
