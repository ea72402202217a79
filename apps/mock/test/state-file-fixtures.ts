// State files written and read the way the mock writes them (a header line, then one JSON line
// per change), for tests that prepare a file before starting the real process or look into one
// after killing it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

export function newStateFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'hwsec-state-')), 'state.json');
}

/** A version 2 state file (as mocks before sealed lines wrote it) holding these projects (each a seed, as PUT takes it). */
export function writeStateFile(file: string, projects: Record<string, unknown>, counter = 0): void {
  const lines = [JSON.stringify({ format: 'hwsec-mock-state', version: 2, counter })];
  for (const [id, state] of Object.entries(projects))
    lines.push(JSON.stringify({ counter, projects: { [id]: { set: state } } }));
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Every whole line of the file, parsed (throws if one is not JSON); an unfinished last line is left out. */
export function stateFileLines(file: string): unknown[] {
  const text = readFileSync(file, 'utf8');
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  return whole
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/**
 * Whether every whole line carries the seal the mock gives it: `{"crc32":"xxxxxxxx",…}`, the
 * CRC-32 of the rest of the line chained from the line before (from 0 for the header).
 */
export function sealsHold(file: string): boolean {
  const bytes = readFileSync(file);
  let seal = 0;
  let start = 0;
  for (let end = bytes.indexOf(10); end >= 0; end = bytes.indexOf(10, start)) {
    const line = bytes.subarray(start, end);
    const written = /^\{"crc32":"([0-9a-f]{8})",/.exec(line.subarray(0, 20).toString('latin1'));
    seal = crc32(line.subarray(20), seal);
    if (!written || Number.parseInt(written[1]!, 16) !== seal) return false;
    start = end + 1;
  }
  return start > 0;
}
