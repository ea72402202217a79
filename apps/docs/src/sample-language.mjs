// What a code sample asks the service for in the page's language. An API whose service answers
// in more than one language names its language header and the values it understands besides
// English (`x-hwsec-error-languages`, SecMaster: `X-Language`, `zh-cn`); a sample on a page in
// one of those languages sends that value, so a reader of the Chinese page gets Chinese messages.

/**
 * @param {object} doc a bundled OpenAPI document
 * @param {{ code: string, folder: string }} language the page's language
 * @returns {{ header: string, value: string } | undefined} undefined where the service's default
 *   (English) applies: an English page, or an API that does not answer in the page's language
 */
export function apiLanguageHeader(doc, language) {
  const languages = doc['x-hwsec-error-languages'];
  if (!languages || !language.folder) return undefined;
  const value = Object.keys(languages.translations ?? {}).find(
    (candidate) => candidate.toLowerCase() === language.code.toLowerCase(),
  );
  return value === undefined ? undefined : { header: languages.header, value };
}
