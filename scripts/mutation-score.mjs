#!/usr/bin/env node
// After a Stryker run: the mutation score per area of the package, from its JSON report, and a
// failure when an area with a floor is below it. Areas and floors are the package's own, in the
// `scoreAreas` export of its stryker.config.mjs; a file in no area counts only in the total.
//   node ../../scripts/mutation-score.mjs   (in a package, after stryker run)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.cwd();
const { scoreAreas = {} } = await import(pathToFileURL(join(dir, 'stryker.config.mjs')).href);
const report = JSON.parse(readFileSync(join(dir, 'reports/mutation/mutation.json'), 'utf8'));

// Stryker's own definition: detected (killed, timed out) over valid mutants, where a mutant no
// test covers counts as undetected. Ignored and compile-error mutants are not valid.
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const tally = () => ({ detected: 0, survived: 0, noCoverage: 0 });
const areas = Object.fromEntries(Object.keys(scoreAreas).map((name) => [name, tally()]));
const total = tally();
const matches = (file, pattern) =>
  pattern.endsWith('/') ? file.startsWith(pattern) : file === pattern;

for (const [file, { mutants }] of Object.entries(report.files)) {
  const counts = [total];
  for (const [name, { files }] of Object.entries(scoreAreas)) {
    if (files.some((pattern) => matches(file, pattern))) counts.push(areas[name]);
  }
  for (const { status } of mutants) {
    for (const c of counts) {
      if (DETECTED.has(status)) c.detected += 1;
      else if (status === 'Survived') c.survived += 1;
      else if (status === 'NoCoverage') c.noCoverage += 1;
    }
  }
}

const score = (c) => {
  const valid = c.detected + c.survived + c.noCoverage;
  return valid === 0 ? 100 : (100 * c.detected) / valid;
};
const rows = [...Object.entries(areas), ['(all files)', total]].map(([name, c]) => ({
  area: name,
  detected: c.detected,
  survived: c.survived,
  'no coverage': c.noCoverage,
  score: `${score(c).toFixed(1)}%`,
  floor: scoreAreas[name]?.floor === undefined ? '' : `${scoreAreas[name].floor}%`,
}));
console.table(rows);

const below = Object.entries(areas).filter(
  ([name, c]) => scoreAreas[name].floor !== undefined && score(c) < scoreAreas[name].floor,
);
const empty = Object.entries(areas).filter(([, c]) => c.detected + c.survived + c.noCoverage === 0);
for (const [name] of empty) console.error(`area ${name} matched no mutant: its file list is stale`);
for (const [name, c] of below) {
  console.error(
    `area ${name}: ${score(c).toFixed(1)}% is below its floor of ${scoreAreas[name].floor}%`,
  );
}
if (below.length > 0 || empty.length > 0) process.exit(1);
