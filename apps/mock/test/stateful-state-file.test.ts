// --state-file with the real CLI process: a restart reloads the state, a file that cannot be read
// stops the mock with a clear error (and is left as it was), and SIGKILL at random moments while
// orders flow never leaves a corrupt or half-applied file nor loses an acknowledged order.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMockProcess, type MockProcess } from './mock-process.js';
import { clients, control } from './stateful-helpers.js';

const PROJECT = 'durable-project';
const order = {
  resource_spec_code: 'hss.version.advanced' as const,
  period_type: 2 as const,
  period_num: 1,
  subscription_num: 2,
  is_auto_pay: true,
};

function stateFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'hwsec-state-')), 'state.json');
}

const start = (file: string) => startMockProcess(['--state-file', file, '--seed', 'durable']);

interface StoredState {
  hss: { quotas: Array<{ order_id?: string }> };
  orders: Array<{ order_id: string; status: string; purchase: { subscription_num: number } }>;
}

async function stateOf(mock: MockProcess): Promise<StoredState> {
  return (await control(mock.urls.hss!).state(PROJECT)).body as StoredState;
}

describe('--state-file', () => {
  // Each round starts a real process: slow on a loaded 2-core machine, so the budgets are wide.
  it('a restart reloads the state and continues the ids', { timeout: 60_000 }, async () => {
    const file = stateFile();
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
    'a file that cannot be read as state stops the mock (exit 1) and is never replaced',
    { timeout: 90_000 },
    async () => {
      for (const content of ['{"format":"hwsec-mock-state"', '{"some":"other file"}']) {
        const file = stateFile();
        writeFileSync(file, content);
        await expect(start(file)).rejects.toThrow(
          /exited with 1: hwsec-mock: state file .*state\.json/,
        );
        expect(readFileSync(file, 'utf8')).toBe(content);
      }
      const file = stateFile();
      writeFileSync(
        file,
        JSON.stringify({
          format: 'hwsec-mock-state',
          version: 1,
          counter: 0,
          projects: { p: { secmaster: { ecs_count: -1 } } },
        }),
      );
      await expect(start(file)).rejects.toThrow(/project p: \/secmaster\/ecs_count \(minimum\)/);
    },
  );

  it(
    'SIGKILL at random moments while orders flow: every acknowledged order survives, whole',
    { timeout: 180_000 },
    async () => {
      const file = stateFile();
      const acknowledged = new Set<string>();
      for (let round = 0; round < 3; round++) {
        const mock = await start(file);
        const { hss } = clients(mock.urls, PROJECT);
        const killAfter = 1 + Math.floor(Math.random() * 25);
        let acks = 0;
        let killed = false;
        const exited = new Promise<void>((resolve) => mock.child.once('exit', () => resolve()));
        const worker = async () => {
          while (!killed) {
            const result = await hss.createQuotasOrder({ body: order }).catch(() => undefined);
            if (killed || result?.response.status !== 200) continue;
            acknowledged.add(result.data!.order_id!);
            if (++acks >= killAfter) {
              killed = true;
              mock.child.kill('SIGKILL');
            }
          }
        };
        await Promise.all([worker(), worker(), worker(), worker()]);
        await exited;

        // What is on disk is always a whole state file...
        const text = readFileSync(file, 'utf8');
        expect(() => JSON.parse(text), `round ${round}: the file parses`).not.toThrow();
        // ...that the next process loads, holding every acknowledged order, each applied whole.
        const next = await start(file);
        try {
          const state = await stateOf(next);
          const orders = new Map(state.orders.map((o) => [o.order_id, o]));
          for (const id of acknowledged) expect(orders.get(id)?.status, id).toBe('paid');
          const quotasPerOrder = new Map<string, number>();
          for (const q of state.hss.quotas)
            quotasPerOrder.set(q.order_id!, (quotasPerOrder.get(q.order_id!) ?? 0) + 1);
          for (const o of state.orders) expect(quotasPerOrder.get(o.order_id)).toBe(2);
          expect(state.hss.quotas).toHaveLength(state.orders.length * 2);
          // At most the requests in flight when it was killed (4 workers) were applied unacknowledged.
          expect(state.orders.length - acknowledged.size).toBeLessThanOrEqual(4 * (round + 1));
          for (const o of state.orders) acknowledged.add(o.order_id);
        } finally {
          await next.stop();
        }
      }
    },
  );
});
