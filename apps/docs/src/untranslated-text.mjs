// Finds English prose left in a translated page: a text outside code that reads as English words
// and holds no character of the translation's script. Names (HSS, CreateQuotasOrder), values and
// code are not prose and pass; a sentence the translation forgot does not.
const skipped = /<(pre|code|script|style)\b[^>]*>[\s\S]*?<\/\1>/gi;
const cjk = /[\u3000-\u9fff\uff00-\uffef]/;
/** Two lower-case English words in a row: prose, not a name. */
const englishWords = /\b[a-z]{2,}[,;:]?\s+[a-z]{2,}\b/;

/** @param {string} html @returns {string[]} the English texts, whitespace collapsed */
export function untranslatedTexts(html) {
  return html
    .replace(skipped, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .split(/<[^>]*>/)
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter((text) => englishWords.test(text) && !cjk.test(text));
}
