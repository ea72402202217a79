// Translates a page template by replacing its texts (templates/landing.<lang>.yaml): the English
// template stays the one source of the page's structure and code, and each translated text is
// matched against it, so an English text that changed is reported instead of left in English.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `en` matched with any whitespace where it has whitespace (templates wrap prose freely). */
function pattern(en) {
  return new RegExp(en.trim().split(/\s+/).map(escapeRegExp).join('\\s+'), 'g');
}

/**
 * @param {string} template the English template
 * @param {string} translationsFile YAML list of `{ en, zh }` pairs
 * @returns {{ html: string, missing: string[] }} `missing`: the `en` texts the template lacks
 */
export function translateTemplate(template, translationsFile) {
  const pairs = parse(readFileSync(translationsFile, 'utf8'));
  const missing = [];
  let html = template;
  for (const { en, zh } of pairs) {
    const regex = pattern(en);
    if (!regex.test(html)) {
      missing.push(en);
      continue;
    }
    // A folded YAML line break between two CJK characters is not a space in Chinese.
    const text = zh
      .trim()
      .replace(/([\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '$1');
    html = html.replace(regex, () => text);
  }
  return { html, missing };
}
