// A state file the mock wrote is trusted at start (its lines' chained seals say so) and its
// projects are read when first used; any other file is checked completely, as before, and
// rewritten sealed. With the real CLI process and real files.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import { exampleBody } from './example-bodies.js';
import { startMockProcess } from './mock-process.js';
import { newStateFile, sealsHold, stateFileLines, writeStateFile } from './state-file-fixtures.js';
import { billing, clients, control } from './stateful-helpers.js';

/** The spec's monthly example, as 2 basic quotas. */
const order = exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder', {
  resource_spec_code: 'hss.version.basic',
  subscription_num: 2,
});

const start = (file: string) => startMockProcess(['--state-file', file, '--seed', 'trust']);

interface StoredState {
  hss: { quotas: unknown[] };
  orders: Array<{ order_id: string; status: string }>;
}

describe('state file trust', () => {
  it(
    'a file the mock wrote loads with its projects unread, and they answer as if read: orders of an untouched project are found for payment and for uniqueness',
    { timeout: 240_000 },
    async () => {
      const file = newStateFile();
      let mock = await start(file);
      const created = await clients(mock.urls, 'untouched').hss.createQuotasOrder({ body: order });
      expect(created.response.status).toBe(200);
      const orderId = created.data!.order_id!;
      await control(mock.urls.hss!).seed('other', { secmaster: { ecs_count: 3 } });
      await mock.stop();
      expect(sealsHold(file)).toBe(true);

      mock = await start(file);
      try {
        const api = control(mock.urls.hss!);
        // The order index knows the untouched project's orders before it is read.
        const taken = await api.seed('thief', {
          orders: [
            {
              order_id: orderId,
              status: 'pending',
              purchase: {
                operation: 'CreateQuotasOrder',
                resource_spec_code: 'hss.version.basic',
                period_type: 2,
                period_num: 1,
                subscription_num: 1,
                enterprise_project_id: '0',
                is_auto_renew: false,
              },
            },
          ],
        });
        expect(taken.status).toBe(409);
        expect(JSON.stringify(taken.body)).toContain(
          `order_id ${orderId} belongs to another project`,
        );
        expect((await billing(mock.urls).pay(orderId)).status).toBe(204);
        const state = (await api.state('untouched')).body as unknown as StoredState;
        expect(state.orders.map((o) => [o.order_id, o.status])).toEqual([[orderId, 'paid']]);
        expect(state.hss.quotas).toHaveLength(2);
        expect(
          ((await api.state('other')).body as { secmaster: { ecs_count: number } }).secmaster
            .ecs_count,
        ).toBe(3);
      } finally {
        await mock.stop();
      }
      expect(sealsHold(file)).toBe(true);
    },
  );

  it(
    'a file the mock wrote and then changed by hand is checked completely: a bad value is refused (exit 1, naming the project and the path), a removed line is judged as the rest',
    { timeout: 240_000 },
    async () => {
      const file = newStateFile();
      let mock = await start(file);
      const api = control(mock.urls.hss!);
      await api.seed('p', {
        hss: { quotas: [{ resource_id: 'r1', version: 'hss.version.basic' }] },
      });
      await api.seed('q', { secmaster: { ecs_count: 5 } });
      await mock.stop();
      const written = readFileSync(file, 'utf8');
      const lines = written.split('\n');
      const pLine = lines.findIndex((line) => line.includes('"project":"p"'));
      expect(pLine).toBeGreaterThan(0);

      // A changed value, its seal left as it was: not trusted, so checked, and refused.
      const edited = [...lines];
      edited[pLine] = lines[pLine]!.replace('"hss.version.basic"', '"hss.version.gold"');
      writeFileSync(file, edited.join('\n'));
      await expect(start(file)).rejects.toThrow(
        new RegExp(`exited with 1: .*state file .*: project p: /hss/quotas/0/version \\(enum\\)`),
      );
      expect(readFileSync(file, 'utf8')).toBe(edited.join('\n'));

      // A line removed: every seal after it breaks, so the file is checked completely; it is
      // valid, loads without the removed project, and is rewritten sealed.
      writeFileSync(file, lines.filter((_, i) => i !== pLine).join('\n'));
      expect(sealsHold(file)).toBe(false);
      mock = await start(file);
      try {
        const p = (await control(mock.urls.hss!).state('p')).body as unknown as StoredState;
        expect(p.hss.quotas).toEqual([]);
        expect(
          ((await control(mock.urls.hss!).state('q')).body as { secmaster: { ecs_count: number } })
            .secmaster.ecs_count,
        ).toBe(5);
      } finally {
        await mock.stop();
      }
      expect(sealsHold(file)).toBe(true);
    },
  );

  it(
    'a file of version 2 (no seals) is checked completely and rewritten as version 3, sealed',
    { timeout: 120_000 },
    async () => {
      const file = newStateFile();
      writeStateFile(file, { old: { secmaster: { ecs_count: 2 } } });
      const mock = await start(file);
      try {
        const old = (await control(mock.urls.hss!).state('old')).body as {
          secmaster: { ecs_count: number };
        };
        expect(old.secmaster.ecs_count).toBe(2);
      } finally {
        await mock.stop();
      }
      expect(sealsHold(file)).toBe(true);
      expect(stateFileLines(file)[0]).toMatchObject({ format: 'hwsec-mock-state', version: 3 });
    },
  );
});
