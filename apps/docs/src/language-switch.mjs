// The link to the same page in the other language(s), on every page. It carries the reader's
// current `#…` along (Redoc's route of the operation they are reading), so the switch keeps
// them on the same operation: anchors are the same in every language (see pages.mjs).
import { pageInLanguage, siteLanguages } from './site-languages.mjs';

function escapeAttribute(text) {
  return String(text).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** `<link rel="alternate" hreflang>` for each language of the page, for browsers and crawlers. */
export function alternateLinks(current, page) {
  return siteLanguages
    .map(
      (language) =>
        `<link rel="alternate" hreflang="${language.code}" href="${escapeAttribute(pageInLanguage(current, language, page))}" />`,
    )
    .join('\n    ');
}

/** A fixed link to each other language; the inline script appends the current hash on use. */
export function languageSwitch(current, page) {
  const links = siteLanguages
    .filter((language) => language !== current)
    .map(
      (language) =>
        `<a href="${escapeAttribute(pageInLanguage(current, language, page))}" hreflang="${language.code}" lang="${language.code}" title="${escapeAttribute(language.text.switchTo)}" data-keep-hash>${language.name}</a>`,
    )
    .join(' ');
  return `<nav class="hwsec-language" aria-label="Language / 语言">${links}</nav>
    <script>
      document.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('a[data-keep-hash]');
        if (link) link.href = link.getAttribute('href').split('#')[0] + location.hash;
      }, true);
    </script>`;
}

/** Fills the `%name%` slots of a page template; an unknown or unused slot fails the build. */
export function fillPercentSlots(template, values) {
  const used = new Set();
  const filled = template.replace(/%([A-Za-z]+)%/g, (whole, name) => {
    if (!(name in values)) throw new Error(`template slot %${name}% has no value`);
    used.add(name);
    return values[name];
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length) throw new Error(`template lacks slots: ${unused.join(', ')}`);
  return filled;
}
