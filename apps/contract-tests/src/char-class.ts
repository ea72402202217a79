// Turns the patterns the spec uses for free text (`^[<class>]*$`, e.g. SecMaster's tag keys) into
// the code-point ranges of the class, so generated strings can use every allowed character
// (CJK included) instead of whatever a generic regex generator happens to pick.
export type CodePointRange = readonly [number, number];

const WHOLE_CLASS = /^\^\[((?:\\.|[^\]\\])+)\]\*\$$/u;

function readAtom(source: string, at: number): [codePoint: number, next: number] {
  if (source[at] !== '\\') {
    const codePoint = source.codePointAt(at)!;
    return [codePoint, at + String.fromCodePoint(codePoint).length];
  }
  if (source[at + 1] === 'u') return [Number.parseInt(source.slice(at + 2, at + 6), 16), at + 6];
  return [source.codePointAt(at + 1)!, at + 2];
}

/** The ranges of a `^[…]*$` pattern, or undefined for any other pattern shape. */
export function charClassRanges(pattern: string): CodePointRange[] | undefined {
  const body = WHOLE_CLASS.exec(pattern)?.[1];
  if (body === undefined || body.startsWith('^')) return undefined;
  const ranges: CodePointRange[] = [];
  for (let at = 0; at < body.length;) {
    const [low, afterLow] = readAtom(body, at);
    if (body[afterLow] === '-' && afterLow + 1 < body.length) {
      const [high, afterHigh] = readAtom(body, afterLow + 1);
      ranges.push([low, high]);
      at = afterHigh;
    } else {
      ranges.push([low, low]);
      at = afterLow;
    }
  }
  return ranges;
}
