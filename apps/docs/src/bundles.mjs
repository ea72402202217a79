// Where the site finds each API's bundle in each language: the one place that knows how
// @hwsec/spec lays out its files (dist/<api>.yaml, dist/<api>.<lang>.yaml).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const specDistDir = dirname(fileURLToPath(import.meta.resolve('@hwsec/spec/package.json')));

/**
 * The bundle of `service` in `language`. A new API is bundled before it is translated (the
 * spec's translation tests name the overlay it lacks): until then its pages in every language
 * show the English text.
 * @param {{ id: string }} service @param {{ bundleSuffix: string }} language
 */
export function bundleFile(service, language) {
  const translated = join(specDistDir, 'dist', `${service.id}${language.bundleSuffix}.yaml`);
  return existsSync(translated) ? translated : join(specDistDir, 'dist', `${service.id}.yaml`);
}
