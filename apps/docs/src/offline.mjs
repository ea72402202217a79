// The site must work offline and from any static host, so no page may load a resource from
// another host. Links (<a href>) are fine; loads (scripts, styles, fonts, images, frames) are not.
const externalLoadPatterns = [
  /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
  /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
  /<(?:img|iframe|source|video|audio|embed)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
  /@import\s+(?:url\()?\s*["']?(?:https?:)?\/\/[^"')\s;]+/gi,
  /url\(\s*["']?(?:https?:)?\/\/[^"')\s]+/gi,
];

/** @returns {string[]} every external load found in the HTML, empty when the page is self-contained */
export function findExternalLoads(html) {
  return externalLoadPatterns.flatMap((pattern) => html.match(pattern) ?? []);
}

export function assertSelfContained(name, html) {
  const loads = findExternalLoads(html);
  if (loads.length) {
    throw new Error(`${name} loads from other hosts:\n  ${[...new Set(loads)].join('\n  ')}`);
  }
}

/** A plain wordmark in place of the attribution logo Redoc fetches from its CDN at runtime. */
const redoclyWordmark = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16" viewBox="0 0 64 16"><text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">Redocly</text></svg>',
)}`;

/** Runtime loads hidden in Redoc's inlined script that the HTML checks above cannot see. */
const redocRuntimeAssets = [
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg',
  'https://cdn.redoc.ly/redoc/logo-mini.svg',
];

export function localizeRedocAssets(html) {
  return redocRuntimeAssets.reduce((page, url) => page.replaceAll(url, redoclyWordmark), html);
}
