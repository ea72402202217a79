// The translators' command. Reads the English bundles in dist/ (run the `bundle` task first).
//   node scripts/translations.mjs check            every problem of every overlay, exit 1 if any
//   node scripts/translations.mjs refresh-hashes   after reviewing the stale translations it
//                                                  reports: record the current English text's hash
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkLanguage } from './translations/coverage.mjs';
import {
  bundleFile,
  languages,
  loadLanguage,
  registeredApis,
  specDir,
} from './translations/files.mjs';
import { resolvePointer, sourceHash } from './translations/human-text.mjs';
import { refreshHashes } from './translations/refresh.mjs';

const [command, ...extra] = process.argv.slice(2);
if (!['check', 'refresh-hashes'].includes(command) || extra.length) {
  console.error('usage: node scripts/translations.mjs check|refresh-hashes');
  process.exit(2);
}
const missingBundles = registeredApis().filter((api) => !existsSync(bundleFile(api)));
if (missingBundles.length) {
  console.error(
    `${missingBundles.map((api) => relative(specDir, bundleFile(api))).join(', ')} missing: run \`pnpm --filter @hwsec/spec bundle\` first`,
  );
  process.exit(2);
}

let problemCount = 0;
for (const language of languages) {
  const input = loadLanguage(language);
  const { problems } = checkLanguage(input);
  if (command === 'check') {
    for (const problem of problems) console.error(problem.message);
    problemCount += problems.length;
    continue;
  }
  const englishOf = new Map(input.apis.map(({ api, english }) => [api, english]));
  const staleByFile = new Map();
  for (const problem of problems) {
    if (problem.kind !== 'stale') continue;
    const text = resolvePointer(englishOf.get(problem.api), problem.pointer)[problem.key];
    // A shared overlay's stale text is reported once per API that has it: keep one.
    const entries = staleByFile.get(problem.file) ?? new Map();
    entries.set(`${problem.action}/${problem.key}`, { ...problem, hash: sourceHash(text) });
    staleByFile.set(problem.file, entries);
  }
  for (const [file, entries] of staleByFile) {
    const path = join(specDir, file);
    writeFileSync(path, refreshHashes(readFileSync(path, 'utf8'), [...entries.values()]));
    for (const { pointer, key } of entries.values())
      console.log(`${file}: ${pointer}/${key} marked as translated from the current English`);
  }
  if (!staleByFile.size) console.log(`${language}: no stale translation`);
}
if (command === 'check') {
  console.log(problemCount ? `${problemCount} translation problem(s)` : 'translations complete');
  process.exit(problemCount ? 1 : 0);
}
