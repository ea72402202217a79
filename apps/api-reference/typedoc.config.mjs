// One reference for every published client and core, from the type declarations the packages
// ship (what a user's editor sees), resolved through the packages' own exports, never their
// sources. Offline and self-contained: no remote assets, no git links, no timestamps (so the
// turbo cache and the docs stay byte-stable).
import { readFileSync } from 'node:fs';

/** The packages' declarations as installed here; tsconfig.json lists the same files. */
const entryPoints = JSON.parse(
  readFileSync(new URL('tsconfig.json', import.meta.url), 'utf8'),
).files;

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'hwsec clients: API reference',
  entryPoints,
  out: 'dist',
  tsconfig: 'tsconfig.json',
  readme: 'none',
  disableSources: true,
  disableGit: true,
  hideGenerator: true,
  githubPages: false,
  excludePrivate: true,
  excludeInternal: true,
  skipErrorChecking: true,
  validation: { notExported: false, invalidLink: true, notDocumented: false },
  treatWarningsAsErrors: false,
  logLevel: 'Warn',
};
