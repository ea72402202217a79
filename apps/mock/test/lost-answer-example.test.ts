// The README's "Simulating a lost answer" example is examples/lost-answer.ts, word for word (so it
// is typechecked with the package), and it runs green against the stateful mock process.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { simulateALostAnswer } from '../examples/lost-answer.js';
import { startMockProcess, type MockProcess } from './mock-process.js';

let mock: MockProcess;
beforeAll(async () => {
  mock = await startMockProcess(['--stateful', '--seed', 'demo']);
});
afterAll(() => mock.stop());

it('the README shows the example file as it is', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const example = readFileSync(new URL('../examples/lost-answer.ts', import.meta.url), 'utf8');
  expect(readme).toContain(`### Simulating a lost answer`);
  expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
});

it('the example runs against the stateful mock, twice in a row (it resets its project)', async () => {
  await expect(simulateALostAnswer(mock.urls['hss'])).resolves.toBe(undefined);
  await expect(simulateALostAnswer(mock.urls['hss'])).resolves.toBe(undefined);
});
