// The log is rewritten from the state once it has doubled (and passed 8 MiB), in the background,
// with the real process: orders answered before, during and after the rewrite are all in the new
// file (so is the billing clock's offset), the file keeps loading after SIGKILL, and it is smaller
// than the log it replaced; projects not read since start are written from the file as they are.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import { exampleBody } from './example-bodies.js';
import { startMockProcess } from './mock-process.js';
import { newStateFile, sealsHold, stateFileLines, writeStateFile } from './state-file-fixtures.js';
import { clients, control } from './stateful-helpers.js';

/** The spec's monthly example, as 1 basic quota, paid at once. */
const order = exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder', {
  resource_spec_code: 'hss.version.basic',
  is_auto_pay: true,
});

const quotas = (count: number, tag: string) =>
  Array.from({ length: count }, (_, i) => ({
    resource_id: `${tag}-${i}-${'q'.repeat(40)}`,
    version: 'hss.version.basic',
  }));

describe('state file compaction', () => {
  it(
    'rewrites a doubled log in the background, keeping every answered order, and the result survives SIGKILL',
    { timeout: 360_000 },
    async () => {
      const file = newStateFile();
      writeStateFile(file, { big: { hss: { quotas: quotas(20_000, 'a') } } });
      const mock = await startMockProcess(['--state-file', file]);
      // After the start, which rewrites the version 2 file sealed (a new file, a new inode).
      const inode = statSync(file).ino;
      const answered = new Map<string, string>();
      let onAnswer = () => {};
      let stop = false;
      const worker = async (n: number) => {
        for (let i = 0; !stop; i++) {
          const project = `small-${n}-${i % 5}`;
          const result = await clients(mock.urls, project).hss.createQuotasOrder({ body: order });
          expect(result.response.status).toBe(200);
          answered.set(result.data!.order_id!, project);
          onAnswer();
        }
      };
      const workers = [worker(1), worker(2)];
      try {
        // Seeding the big project again and again doubles the log past 8 MiB.
        const api = control(mock.urls.hss!);
        // Moved before the rewrite: afterwards only the rewritten state holds the offset.
        expect((await api.call('POST', 'clock', { advance_seconds: 3600 })).status).toBe(200);
        for (let round = 0; statSync(file).ino === inode; round++) {
          expect(round).toBeLessThan(50);
          const seeded = await api.seed('big', { hss: { quotas: quotas(20_000, `r${round}`) } });
          expect(seeded.status).toBe(200);
        }
        // Rewritten: a new file took the log's place while orders went on.
        const afterRewrite = answered.size;
        await new Promise<void>((resolve) => {
          onAnswer = () => {
            if (answered.size >= afterRewrite + 20) resolve();
          };
        });
      } finally {
        stop = true;
        await Promise.all(workers);
      }
      const seededLast = (await control(mock.urls.hss!).state('big')).body as {
        hss: { quotas: Array<{ resource_id: string }> };
      };
      mock.child.kill('SIGKILL');
      await mock.exited;
      expect(statSync(file).size).toBeLessThan(16 * 1024 * 1024);
      expect(() => stateFileLines(file)).not.toThrow();

      const next = await startMockProcess(['--state-file', file]);
      try {
        const api = control(next.urls.hss!);
        expect((await api.state('big')).body).toEqual(seededLast);
        expect((await api.call('GET', 'clock')).body).toMatchObject({ offset_seconds: 3600 });
        const byProject = new Map<string, string[]>();
        for (const [id, project] of answered)
          byProject.set(project, [...(byProject.get(project) ?? []), id]);
        for (const [project, ids] of byProject) {
          const state = (await api.state(project)).body as { orders: Array<{ order_id: string }> };
          expect(state.orders.map((o) => o.order_id).sort()).toEqual(ids.sort());
        }
      } finally {
        await next.stop();
      }
    },
  );

  it(
    'after a restart, a compaction writes the projects no client touched from the file as they are, and they load whole',
    { timeout: 360_000 },
    async () => {
      const file = newStateFile();
      writeStateFile(file, { big: { hss: { quotas: quotas(20_000, 'a') } } });
      let mock = await startMockProcess(['--state-file', file]);
      const big = (await control(mock.urls.hss!).state('big')).body;
      await mock.stop();

      // Restarted on the file the mock wrote: "big" is not read until used, and is not used.
      mock = await startMockProcess(['--state-file', file]);
      const inode = statSync(file).ino;
      const api = control(mock.urls.hss!);
      for (let round = 0; statSync(file).ino === inode; round++) {
        expect(round).toBeLessThan(50);
        const seeded = await api.seed('filler', { hss: { quotas: quotas(20_000, `f${round}`) } });
        expect(seeded.status).toBe(200);
      }
      mock.child.kill('SIGKILL');
      await mock.exited;
      expect(sealsHold(file)).toBe(true);

      mock = await startMockProcess(['--state-file', file]);
      try {
        expect((await control(mock.urls.hss!).state('big')).body).toEqual(big);
      } finally {
        await mock.stop();
      }
    },
  );
});
