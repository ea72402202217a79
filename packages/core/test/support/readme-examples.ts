// A client's README shows the files in its examples/ (typechecked by its `pnpm typecheck`)
// verbatim, one per credential kind, and each calls every operation of the service.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** `packageUrl`: the client package's folder, e.g. `new URL('../', import.meta.url)`. */
export function describeReadmeExamples(packageUrl: URL, operations: Record<string, unknown>): void {
  const read = (path: string) => readFileSync(new URL(path, packageUrl), 'utf8');
  const readme = read('README.md');
  const examples = readdirSync(new URL('examples/', packageUrl)).filter((name) =>
    name.endsWith('.ts'),
  );

  describe('README', () => {
    it('has both credential kinds as example files', () => {
      expect(examples.sort()).toEqual(['aksk.ts', 'token.ts']);
    });
    for (const name of examples) {
      const source = read(`examples/${name}`);
      it(`shows examples/${name} verbatim`, () => {
        expect(readme).toContain(source.trim());
      });
      it(`examples/${name} calls every operation`, () => {
        for (const operationId of Object.keys(operations)) {
          expect(source).toContain(`.${operationId[0]!.toLowerCase()}${operationId.slice(1)}(`);
        }
      });
    }
  });
}
