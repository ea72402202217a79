// "Did you mean …?": the known names nearest to a mistyped one, by edit distance, ignoring case
// first: `projectID` is nearer to `projectId` than any one-letter edit. (Compact: it ships in every
// browser bundle.)

/** Levenshtein distance between two strings (two rows). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + +(a[i - 1] !== b[j - 1]),
      );
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The names of `known` nearest to `name` (up to `max` equally near ones, in the order `known`
 * gives): a case-only difference beats any edit; farther than a third of the longer name (at
 * least 2 edits) is not near at all.
 */
export function closestNames(name: string, known: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase();
  let best = Infinity;
  let found: string[] = [];
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    const distance = other === lower ? 0 : editDistance(lower, other) + 1;
    if (distance > Math.max(2, Math.floor(Math.max(name.length, candidate.length) / 3)) + 1)
      continue;
    if (distance < best) [best, found] = [distance, []];
    if (distance === best && !found.includes(candidate)) found.push(candidate);
  }
  return found.slice(0, max);
}

/** ` (did you mean \`a\` or \`b\`?)`, or '' when nothing is near. */
export function didYouMean(name: string, known: Iterable<string>, max = 3): string {
  const near = closestNames(name, known, max);
  return near.length ? ` (did you mean ${near.map((n) => `\`${n}\``).join(' or ')}?)` : '';
}
