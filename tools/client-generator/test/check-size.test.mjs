// hwsec-check-size run as a client package runs it (its `size` script, in the package's folder), on
// small entries written here: code an entry loads with a dynamic import() is not counted in the
// entry's size but budgeted apart by a `"lazy": true` entry, and a lazy budget with nothing loaded
// lazily fails rather than passing at 0 B.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const CHECK_SIZE = fileURLToPath(new URL('../src/check-size.mjs', import.meta.url));
const run = promisify(execFile);
const dirs = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A package whose main.js imports small.js statically and big.js (~4 kB gzip) dynamically. */
function pkg(sizeBudget, { dynamic = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hwsec-check-size-'));
  dirs.push(dir);
  // Random bytes do not compress: the lazy module's size is far from the entry's.
  writeFileSync(
    join(dir, 'big.js'),
    `export const big = '${randomBytes(3000).toString('hex')}';\n`,
  );
  writeFileSync(join(dir, 'small.js'), `export const small = 'small';\n`);
  writeFileSync(
    join(dir, 'main.js'),
    dynamic
      ? `import { small } from './small.js';\nconsole.log(small, (await import('./big.js')).big);\n`
      : `import { small } from './small.js';\nimport { big } from './big.js';\nconsole.log(small, big);\n`,
  );
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'sized', sizeBudget }));
  return dir;
}

async function checkSize(dir) {
  try {
    const { stdout } = await run(process.execPath, [CHECK_SIZE], { cwd: dir });
    return { code: 0, stdout };
  } catch (error) {
    return { code: error.code, stdout: error.stdout };
  }
}

const gzipOf = (stdout, name) =>
  Number(stdout.match(new RegExp(`${name} \\(browser\\): (\\d+) B`))[1]);

describe('hwsec-check-size: what loads first, and what loads on first use', () => {
  it('an entry counts its static imports only; a lazy entry budgets the dynamic import', async () => {
    const dir = pkg([
      { name: 'main', entry: 'main.js', limitBytes: 1000 },
      { name: 'later', entry: 'main.js', lazy: true, limitBytes: 8000 },
    ]);
    const { code, stdout } = await checkSize(dir);
    expect(code).toBe(0);
    expect(gzipOf(stdout, 'main')).toBeLessThan(500);
    expect(gzipOf(stdout, 'later')).toBeGreaterThan(3000);
    expect(stdout).toMatch(/\+ loaded on first use: \d{4} B gzip/);
  });

  it('a lazy entry over its budget fails', async () => {
    const dir = pkg([{ name: 'later', entry: 'main.js', lazy: true, limitBytes: 1000 }]);
    const { code, stdout } = await checkSize(dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^OVER sized later/m);
  });

  it('a lazy entry whose code moved into the main path fails, and the main entry counts it', async () => {
    const dir = pkg(
      [
        { name: 'main', entry: 'main.js', limitBytes: 1000 },
        { name: 'later', entry: 'main.js', lazy: true, limitBytes: 8000 },
      ],
      { dynamic: false },
    );
    const { code, stdout } = await checkSize(dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^OVER sized main/m);
    expect(gzipOf(stdout, 'main')).toBeGreaterThan(3000);
    expect(stdout).toMatch(
      /^NONE sized later \(browser\): nothing is loaded by dynamic import\(\)/m,
    );
  });
});
