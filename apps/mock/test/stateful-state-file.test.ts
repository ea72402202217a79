// --state-file with the real CLI process: a restart reloads the state, a file that cannot be read
// stops the mock with a clear error naming the place of the problem (and is left as it was), a
// file that is valid but incomplete loads with its defaults, and SIGKILL at random moments while
// orders flow over 10,000 projects never leaves a file that does not load nor loses an
// acknowledged order.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import { startMock, StateFileError } from '../src/index.js';
import { exampleBody } from './example-bodies.js';
import { freePorts } from './helpers.js';
import { startMockProcess, type MockProcess } from './mock-process.js';
import { newStateFile, stateFileLines, writeStateFile } from './state-file-fixtures.js';
import { billing, clients, control } from './stateful-helpers.js';

const PROJECT = 'durable-project';
/** The spec's monthly example, as 2 advanced quotas, paid at once. */
const order = exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder', {
  resource_spec_code: 'hss.version.advanced',
  subscription_num: 2,
  is_auto_pay: true,
});

const start = (file: string) => startMockProcess(['--state-file', file, '--seed', 'durable']);

interface StoredState {
  hss: { quotas: Array<{ order_id?: string }> };
  orders: Array<{ order_id: string; status: string; purchase: { subscription_num: number } }>;
}

async function stateOf(mock: MockProcess, project = PROJECT): Promise<StoredState> {
  return (await control(mock.urls.hss!).state(project)).body as StoredState;
}

describe('--state-file', () => {
  // Each round starts a real process: slow on a loaded 2-core machine, so the budgets are wide.
  it('a restart reloads the state and continues the ids', { timeout: 120_000 }, async () => {
    // In a folder that does not exist yet: the mock makes it.
    const file = join(dirname(newStateFile()), 'not', 'yet', 'state.json');
    let mock = await start(file);
    const first = await clients(mock.urls, PROJECT).hss.createQuotasOrder({ body: order });
    await control(mock.urls.secmaster!).seed('other-project', { secmaster: { ecs_count: 7 } });
    const before = await stateOf(mock);
    await mock.stop();

    mock = await start(file);
    try {
      expect(await stateOf(mock)).toEqual(before);
      expect((await control(mock.urls.dsc!).state('other-project')).body.secmaster.ecs_count).toBe(
        7,
      );
      const { hss } = clients(mock.urls, PROJECT);
      const second = await hss.createQuotasOrder({ body: order });
      expect(second.data!.order_id).not.toBe(first.data!.order_id);
      expect((await hss.showResourceQuotas()).data!.data_list![0]!.total_num).toBe(4);
    } finally {
      await mock.stop();
    }
  });

  it(
    'a file that cannot be read as state stops the mock (exit 1) naming the place of the problem, and is never replaced',
    { timeout: 360_000 },
    async () => {
      const v1 = (rest: object) =>
        JSON.stringify({ format: 'hwsec-mock-state', version: 1, counter: 0, ...rest });
      const header = JSON.stringify({ format: 'hwsec-mock-state', version: 2, counter: 0 });
      const cases: Array<[string, RegExp]> = [
        ['{"format":"hwsec-mock-state"', /is not JSON/],
        ['{"some":"other file"}', /is not a hwsec-mock state file/],
        [
          '{"format":"hwsec-mock-state","version":"1","counter":0,"projects":{}}',
          /has version "1" \(a string\); this mock reads versions 1, 2 and 3 \(numbers\)/,
        ],
        [v1({ projects: [] }), /projects must be an object of project id → state, got \[\]/],
        [
          v1({ projects: { p: { secmaster: { ecs_count: -1 } } } }),
          /project p: \/secmaster\/ecs_count \(minimum\)/,
        ],
        [
          `${header}\n{"counter":0,"projects":{"p":{"set":{"hss":{"quotas":[{"resource_id":"r","version":"hss.version.gold"}]}}}}}\n`,
          /project p: \/hss\/quotas\/0\/version \(enum\)/,
        ],
        [`${header}\nnot json\n{"counter":0,"projects":{}}\n`, /line 2 is not JSON/],
        [
          `${header}\n{"counter":0,"projects":{"p":{"edits":[{"path":["orders"],"add":[]}]}}}\n`,
          /line 2: project p is edited but does not exist/,
        ],
        [
          `${header}\n{"counter":0,"projects":{"p":{"set":{"secmaster":{"subscriptions":[{"resource_id":"\\udc00","scene":"PREPAID","resource_spec_code":"secmaster.basic","resource_size":1}]}}}}}\n`,
          /line 2: lone surrogate in a string at \$\.projects\.p\.set\.secmaster\.subscriptions\[0\]\.resource_id/,
        ],
      ];
      // Each case's wording is checked in this process, through startMock (what the CLI runs,
      // printing its error after "hwsec-mock: " and exiting 1): a process start per case would
      // add nothing. Two cases, one of each kind of problem (the file's shape, a project's
      // content), still go through the real CLI for the exit code and the printed line.
      const inProcess = (file: string) =>
        startMock({ ports: freePorts(), stateFile: file, seed: 'durable' }).then((mock) =>
          mock.close(),
        );
      for (const [index, [content, message]] of cases.entries()) {
        const file = newStateFile();
        writeFileSync(file, content);
        const refused = inProcess(file);
        await expect(refused).rejects.toThrow(StateFileError);
        await expect(refused).rejects.toThrow(new RegExp(`^state file ${file}: `));
        await expect(refused).rejects.toThrow(message);
        if (index === 0 || index === 4) {
          const exited = start(file);
          await expect(exited).rejects.toThrow(
            new RegExp(`exited with 1: hwsec-mock: state file ${file}: `),
          );
          await expect(exited).rejects.toThrow(message);
        }
        expect(readFileSync(file, 'utf8')).toBe(content);
      }
      // The message never contradicts itself about the version.
      const file = newStateFile();
      writeFileSync(file, '{"format":"hwsec-mock-state","version":"1","counter":0,"projects":{}}');
      await expect(inProcess(file)).rejects.not.toThrow(/has version 1, this mock reads 1/);
    },
  );

  it(
    'a valid but incomplete project loads with the defaults a seed gets: it takes orders, and pay works for every project',
    { timeout: 120_000 },
    async () => {
      const file = newStateFile();
      writeStateFile(file, { p: {}, q: {} });
      const mock = await start(file);
      try {
        const { body } = await control(mock.urls.hss!).state('p');
        expect(body).toEqual({
          hss: { quotas: [] },
          dsc: { instances: [] },
          secmaster: { ecs_count: 0, subscriptions: [] },
          orders: [],
        });
        const { hss } = clients(mock.urls, 'p');
        const placed = await hss.createQuotasOrder({ body: { ...order, is_auto_pay: false } });
        expect(placed.response.status).toBe(200);
        expect((await hss.showResourceQuotas()).response.status).toBe(200);
        const paid = await billing(mock.urls).pay(placed.data!.order_id!);
        expect(paid.status).toBe(204);
        const unknown = await billing(mock.urls).pay('CS0000000000AAAAA');
        expect(unknown.body).toMatchObject({ error_code: 'CBC.30000010' });
      } finally {
        await mock.stop();
      }
    },
  );

  it(
    'SIGKILL at random moments while orders flow over 10,000 projects: every acknowledged order survives, whole',
    { timeout: 480_000 },
    async () => {
      const file = newStateFile();
      const projects: Record<string, unknown> = {};
      for (let i = 0; i < 10_000; i++) projects[`project-${i}`] = { secmaster: { ecs_count: i } };
      writeStateFile(file, projects);
      const acknowledged = new Map<string, string>(); // order id → project
      // The process that checks a round's file is the next round's victim: it was started from
      // that file like a fresh one would be, so each kill still hits a process that loaded the
      // file left by the last kill, and three kills cost four starts instead of six.
      let mock = await start(file);
      for (let round = 0; round < 3; round++) {
        const victim = mock;
        const killAfter = 1 + Math.floor(Math.random() * 40);
        let acks = 0;
        let killed = false;
        const worker = async () => {
          while (!killed) {
            const project = `project-${Math.floor(Math.random() * 10_000)}`;
            const { hss } = clients(victim.urls, project);
            const result = await hss.createQuotasOrder({ body: order }).catch(() => undefined);
            if (killed || result?.response.status !== 200) continue;
            acknowledged.set(result.data!.order_id!, project);
            if (++acks >= killAfter) {
              killed = true;
              victim.child.kill('SIGKILL');
            }
          }
        };
        await Promise.all(Array.from({ length: 8 }, worker));
        await victim.exited;

        // Every whole line of the file is JSON (only a last, unanswered write may be unfinished)...
        expect(() => stateFileLines(file), `round ${round}: the lines parse`).not.toThrow();
        // ...and the next process loads it, holding every acknowledged order, each applied whole.
        mock = await start(file);
        try {
          for (const [id, project] of acknowledged) {
            const state = await stateOf(mock, project);
            expect(state.orders.find((o) => o.order_id === id)?.status, id).toBe('paid');
            expect(
              state.hss.quotas.filter((q) => q.order_id === id),
              id,
            ).toHaveLength(2);
          }
          expect((await stateOf(mock, 'project-9999')).orders).toBeDefined();
          expect(
            (await control(mock.urls.hss!).state('project-4321')).body.secmaster.ecs_count,
          ).toBe(4321);
        } catch (error) {
          await mock.stop();
          throw error;
        }
      }
      await mock.stop();
    },
  );
});
