// Where the site finds each API's bundle in each language: the one place that knows how
// @hwsec/spec lays out its files (dist/<api>.yaml, dist/<api>.<lang>.yaml).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const specDistDir = dirname(fileURLToPath(import.meta.resolve('@hwsec/spec/hss.yaml')));

/** @param {{ id: string }} service @param {{ bundleSuffix: string }} language */
export function bundleFile(service, language) {
  return join(specDistDir, `${service.id}${language.bundleSuffix}.yaml`);
}
