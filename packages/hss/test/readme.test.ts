// The README's examples are the files in examples/ (typechecked by `pnpm typecheck`), verbatim.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hssOperations } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = readdirSync(new URL('../examples/', import.meta.url)).filter((name) => name.endsWith('.ts'));

describe('README', () => {
  it('has both credential kinds as example files', () => {
    expect(examples.sort()).toEqual(['aksk.ts', 'token.ts']);
  });
  for (const name of examples) {
    it(`shows examples/${name} verbatim`, () => {
      expect(readme).toContain(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8').trim());
    });
    it(`examples/${name} calls every operation`, () => {
      const source = readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8');
      for (const operationId of Object.keys(hssOperations)) {
        expect(source).toContain(`.${operationId[0]!.toLowerCase()}${operationId.slice(1)}(`);
      }
    });
  }
});
