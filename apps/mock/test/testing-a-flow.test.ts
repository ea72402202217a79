// The README's "Testing a flow" example is examples/testing-a-flow.ts, word for word (so it is
// typechecked with the package), and it runs green against the stateful mock.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { testAFlow } from '../examples/testing-a-flow.js';
import { startStatefulMock } from './stateful-helpers.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startStatefulMock({ seed: 'demo' });
});
afterAll(() => mock.close());

it('the README shows the example file as it is', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const example = readFileSync(new URL('../examples/testing-a-flow.ts', import.meta.url), 'utf8');
  expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
});

it('the example runs against the stateful mock', async () => {
  const { hss, secmaster, bss } = mock.urls;
  await expect(testAFlow({ hss: hss!, secmaster: secmaster!, bss: bss! })).resolves.toBe(undefined);
});
