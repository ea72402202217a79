// Where translations live: one OpenAPI Overlay per API and language, `overlays/<api>.<lang>.yaml`,
// applied by `redocly bundle --overlay` to give `dist/<api>.<lang>.yaml` and `.json`.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const specDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = join(specDir, 'dist');

/** The languages every API is translated into, besides English. */
export const languages = ['zh-CN'];

/** The APIs registered in redocly.yaml, the spec's one registry. */
export function registeredApis() {
  return Object.keys(parse(readFileSync(join(specDir, 'redocly.yaml'), 'utf8')).apis);
}

export function overlayFile(api, language) {
  return join(specDir, 'overlays', `${api}.${language}.yaml`);
}

/** `dist/<api>.json` for English, `dist/<api>.<lang>.json` for a translation. */
export function bundleFile(api, language, extension = 'json') {
  return join(distDir, `${api}${language ? `.${language}` : ''}.${extension}`);
}

/** Translations of the pieces every API shares (openapi/common/), applied before the API's own. */
export function sharedOverlayFile(language) {
  return join(specDir, 'overlays', `common.${language}.yaml`);
}

/** The overlays of one API and language, in the order `redocly bundle --overlay` applies them. */
export function overlayFiles(api, language) {
  return [
    { path: sharedOverlayFile(language), shared: true },
    { path: overlayFile(api, language), shared: false },
  ];
}

/** What checkLanguage needs: each API's English bundle from dist/ and its overlays, parsed. */
export function loadLanguage(language, apis = registeredApis()) {
  return {
    language,
    apis: apis.map((api) => ({
      api,
      english: JSON.parse(readFileSync(bundleFile(api), 'utf8')),
      overlays: overlayFiles(api, language).map(({ path, shared }) => ({
        file: relative(specDir, path),
        overlay: parse(readFileSync(path, 'utf8')),
        shared,
      })),
    })),
  };
}
