// Redoc's own interface (Request, Path, Responses, Copy, Expand all, the search box's
// "Loading...") in the page's language. Redoc 3 asks one translation hook, `useTranslate`, for
// nearly every label, by key (`request`, `header`, `openapi.expandAll`, …), with the English text
// as default; but the standalone bundle Redocly CLI 2.77 inlines into each page has no option to
// supply it, and its stub always answers with the English default. So the build replaces that
// stub, in the bundle inlined into a translated page, by one that looks the key up in the
// language's labels (templates/redoc.<lang>.yaml) first. The labels Redoc writes without the
// hook (`Enum:` before a schema's values, a string's `[ 1 .. 64 ] characters`, `or` between
// security schemes, `API docs by`) are routed through the same lookup under `hwsec.*` keys.
//
// Each replaced piece of code must occur as many times as counted here: after a Redoc upgrade
// that changed it the build fails here instead of quietly showing English again.
//
// The CLI server-renders the page's first view (sidebar, overview) with its own copy of Redoc,
// in English. Its label texts are replaced in that markup too, so the first paint is already in
// the page's language and matches what the bundle renders when it hydrates the view.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Redoc's stub hook: the English default, whatever the key. */
const translateStub =
  'useTranslate:()=>({translate:(e,t)=>(typeof t==`string`?t:t?.defaultValue)||e||``})';
const translateWithLabels =
  'useTranslate:()=>({translate:(e,t)=>Object.hasOwn(hwsecRedocLabels,e)?hwsecRedocLabels[e]:(typeof t==`string`?t:t?.defaultValue)||e||``})';

/** A label of the page's language by key, else Redoc's English text. */
const label = (key, english) => `hwsecRedocLabel(\`${key}\`,\`${english}\`)`;

/** Code of Redoc's bundle that writes a label without the hook: what it is, how often it occurs. */
export const UNHOOKED = [
  {
    what: 'the enum label',
    count: 1,
    from: 'function kC(e,t){return`${e?.startsWith(`Array`)?`Items `:``}${t===1?`Value:`:`Enum:`}`}',
    to: `function kC(e,t){return\`\${e?.startsWith(\`Array\`)?${label('hwsec.items', 'Items ')}:\`\`}\${t===1?${label('hwsec.value', 'Value:')}:${label('hwsec.enum', 'Enum:')}}\`}`,
  },
  {
    what: "a string's length",
    count: 1,
    from: 'n(Kb(`characters`,',
    to: `n(Kb(${label('hwsec.characters', 'characters')},`,
  },
  {
    what: "an array's length",
    count: 1,
    from: 'n(Kb(`items`,',
    to: `n(Kb(${label('hwsec.itemCount', 'items')},`,
  },
  {
    what: "an object's size",
    count: 1,
    from: 'i===1?`property`:`properties`',
    to: `i===1?${label('property', 'property')}:${label('properties', 'properties')}`,
  },
  {
    what: 'the non-empty bound',
    count: 1,
    from: 'return t===1?`non-empty`:',
    to: `return t===1?${label('hwsec.nonEmpty', 'non-empty')}:`,
  },
  {
    what: 'the "or" between security schemes',
    count: 2,
    from: '{label:`or`}',
    to: `{label:${label('hwsec.or', 'or')}}`,
  },
  {
    what: 'the "and" between security schemes',
    count: 3,
    from: '{label:`and`}',
    to: `{label:${label('hwsec.and', 'and')}}`,
  },
  {
    what: 'the "or" in an operation\'s security line',
    count: 1,
    from: '(sF,{children:` or `})',
    to: `(sF,{children:\` \${${label('hwsec.or', 'or')}} \`})`,
  },
  {
    what: 'the "and" in an operation\'s security line',
    count: 1,
    from: '(sF,{children:` and `})',
    to: `(sF,{children:\` \${${label('hwsec.and', 'and')}} \`})`,
  },
  {
    what: 'the "One of:" and "Any of:" before a schema\'s alternatives',
    count: 1,
    from: 'ONE_OF:`One of:`,ANY_OF:`Any of:`',
    to: `ONE_OF:${label('hwsec.oneOf', 'One of:')},ANY_OF:${label('hwsec.anyOf', 'Any of:')}`,
  },
  {
    what: 'the "One of:" and "Any of:" of a discriminated schema',
    count: 1,
    from: 'Wre=`One of:`,Gre=`Any of:`',
    to: `Wre=${label('hwsec.oneOf', 'One of:')},Gre=${label('hwsec.anyOf', 'Any of:')}`,
  },
  {
    what: 'the names of untitled alternatives',
    count: 1,
    from: '||`case 1`]',
    to: `||${label('hwsec.case1', 'case 1')}]`,
  },
  {
    what: 'the name of the second untitled alternative',
    count: 1,
    from: '||`case 2`]',
    to: `||${label('hwsec.case2', 'case 2')}]`,
  },
  {
    what: 'the "Array of" before an array\'s item type',
    count: 2,
    from: 'r=`Array of `',
    to: `r=${label('hwsec.arrayOf', 'Array of ')}`,
  },
  {
    what: "Redocly's attribution",
    count: 1,
    from: 'children:`API docs by`',
    to: `children:${label('hwsec.apiDocsBy', 'API docs by')}`,
  },
];

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

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Each patch's code replaced in one pass over the page (a 2.5 MB file: a pass per patch cost a
 * quarter of a second); a patch found other than `count` times fails the build.
 * @param {string} html @param {{ what: string, count: number, from: string, to: string }[]} patches
 */
function replaceCounted(html, patches) {
  const byCode = new Map(patches.map((patch) => [patch.from, { ...patch, found: 0 }]));
  const anyCode = new RegExp(patches.map(({ from }) => escapeRegExp(from)).join('|'), 'g');
  const page = html.replace(anyCode, (code) => {
    const patch = byCode.get(code);
    patch.found++;
    return patch.to;
  });
  for (const { what, count, found } of byCode.values())
    if (found !== count)
      throw new Error(
        `Redoc's inlined bundle has ${found} copies of ${what} (expected ${count}): its code changed; update src/redoc-labels.mjs`,
      );
  return page;
}

const escapeText = (text) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The server-rendered first view with its label texts in the page's language: a text that is a
 * whole element's content and a label's English (`>Overview<`), and the servers' `Show 1
 * variable` that Redoc composes from three labels.
 */
function translateFirstPaint(html, labels, table) {
  const zh = (key, english) => table[key] ?? english;
  // One pass over the page: each element's whole text, looked up among the labels' English (the
  // first label of an English text wins, as several keys share one).
  const byEnglish = new Map();
  for (const { en, zh: text } of labels) {
    const english = en.trim();
    if (english && english !== text && !byEnglish.has(english)) byEnglish.set(english, text);
  }
  return html
    .replace(
      /(>)(Show|Hide) (\d+) (variables?)(<)/g,
      (_, open, action, count, noun, close) =>
        `${open}${escapeText(`${zh(`actions.${action.toLowerCase()}`, action)} ${count} ${zh(noun, noun)}`)}${close}`,
    )
    .replace(/>([^<>]+)</g, (whole, text) =>
      byEnglish.has(text) ? `>${escapeText(byEnglish.get(text))}<` : whole,
    );
}

/**
 * A built reference page (`redocly build-docs --inlineBundle`) whose Redoc shows `labels`.
 * @param {string} html
 * @param {{ key: string, zh: string }[]} labels empty: the page is returned unchanged
 */
export function localizeRedocLabels(html, labels) {
  if (!labels.length) return html;
  const table = Object.fromEntries(labels.map(({ key, zh }) => [key, zh]));
  // `<` escaped so no label can end the script element it sits in.
  const declaration = [
    `const hwsecRedocLabels=${JSON.stringify(table).replaceAll('<', '\\u003c')};`,
    'const hwsecRedocLabel=(k,d)=>Object.hasOwn(hwsecRedocLabels,k)?hwsecRedocLabels[k]:d;',
  ].join('');
  const page = replaceCounted(html, [
    { what: 'the translation hook', count: 1, from: translateStub, to: translateWithLabels },
    ...UNHOOKED,
    { what: 'the module script', count: 1, from: moduleStart, to: moduleStart + declaration },
  ]);
  return translateFirstPaint(page, labels, table);
}
