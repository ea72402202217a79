// The README's "Testing a flow" example is examples/testing-a-flow.test.ts, word for word: a
// vitest file users can copy, typechecked with the package and run by its `pnpm test` (which
// includes examples/**/*.test.ts) against the stateful mock the file starts itself.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import config from '../vitest.config.js';

const example = readFileSync(
  new URL('../examples/testing-a-flow.test.ts', import.meta.url),
  'utf8',
);

it('the README shows the example file as it is', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
});

it('the example is one of the files the package’s tests run', () => {
  expect(config.test?.include).toContain('examples/**/*.test.ts');
});

it('the example uses the typed control client of the package’s public export', () => {
  expect(example).toContain(
    `import { createControlClient, startMock, type RunningMock } from '@hwsec/mock';`,
  );
  expect(example).not.toContain('fetch(');
});
