// A full disk, with a real process under a file size limit (`ulimit -f`: a write past it fails
// with EFBIG): the change whose write fails is answered 500 "nothing changed" and is not in the
// file, the file never keeps half a line or a temporary file, and a restart (without the limit)
// loads exactly the answered changes.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import { exampleBody } from './example-bodies.js';
import { startMockProcess } from './mock-process.js';
import { newStateFile } from './state-file-fixtures.js';
import { clients, control } from './stateful-helpers.js';

/** The spec's monthly example, as 3 basic quotas, paid at once. */
const order = exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder', {
  resource_spec_code: 'hss.version.basic',
  subscription_num: 3,
  is_auto_pay: true,
});

const LIMIT_BLOCKS = 24; // 12 KiB

describe('state file on a full disk', () => {
  it(
    'a failed write answers 500 "nothing changed", leaves no partial line and no .tmp, and the restart has exactly the answered orders',
    { timeout: 180_000 },
    async () => {
      const file = newStateFile();
      const mock = await startMockProcess(['--state-file', file], {
        fileSizeLimitBlocks: LIMIT_BLOCKS,
      });
      const answered: string[] = [];
      const failed: string[] = [];
      try {
        const { hss } = clients(mock.urls, 'full-disk');
        while (failed.length < 3) {
          const result = await hss.createQuotasOrder({ body: order });
          if (result.response.status === 200) answered.push(result.data!.order_id!);
          else {
            expect(result.response.status).toBe(500);
            expect(JSON.stringify(result.error)).toMatch(
              /the state could not be saved, so nothing changed.*EFBIG/,
            );
            failed.push(JSON.stringify(result.error));
          }
        }
        // The refused change is not visible either.
        const state = (await control(mock.urls.hss!).state('full-disk')).body as {
          orders: Array<{ order_id: string }>;
        };
        expect(state.orders.map((o) => o.order_id)).toEqual(answered);
      } finally {
        await mock.stop();
      }
      expect(answered.length).toBeGreaterThan(3);
      expect(statSync(file).size).toBeLessThanOrEqual(LIMIT_BLOCKS * 512);
      expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
      expect(readdirSync(dirname(file))).toEqual(['state.json']);

      const next = await startMockProcess(['--state-file', file]);
      try {
        const state = (await control(next.urls.hss!).state('full-disk')).body as {
          orders: Array<{ order_id: string }>;
          hss: { quotas: unknown[] };
        };
        expect(state.orders.map((o) => o.order_id)).toEqual(answered);
        expect(state.hss.quotas).toHaveLength(answered.length * 3);
      } finally {
        await next.stop();
      }
    },
  );

  it(
    'a state file that must be rewritten at start but cannot be (version 1, disk full) stops the mock and leaves no .tmp',
    { timeout: 120_000 },
    async () => {
      const file = newStateFile();
      const quotas = Array.from({ length: 200 }, (_, i) => ({
        resource_id: `quota-${i}`,
        version: 'hss.version.basic',
      }));
      const content = JSON.stringify({
        format: 'hwsec-mock-state',
        version: 1,
        counter: 0,
        projects: { p: { hss: { quotas } } },
      });
      writeFileSync(file, content);
      await expect(
        startMockProcess(['--state-file', file], { fileSizeLimitBlocks: 8 }),
      ).rejects.toThrow(/exited with 1: hwsec-mock: state file .*cannot be written \(EFBIG/);
      expect(readFileSync(file, 'utf8')).toBe(content);
      expect(readdirSync(dirname(file))).toEqual(['state.json']);
      expect(existsSync(`${file}.lock`)).toBe(false);
    },
  );
});
