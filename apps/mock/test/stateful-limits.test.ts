// Every limit a state file is loaded by is enforced on the way in, with the real process: an
// order that would take a project past the state's maxItems is refused in the service's shape
// naming the limit (and so is paying one), and the file the mock wrote then loads.
import { describe, expect, it } from 'vitest';
import type { CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import { exampleBody } from './example-bodies.js';
import { startMockProcess } from './mock-process.js';
import { newStateFile, writeStateFile } from './state-file-fixtures.js';
import { billing, clients, control } from './stateful-helpers.js';

const MAX_QUOTAS = 100_000;

/** The spec's monthly example as `subscription_num` basic quotas (the version seeded here). */
const order = (subscription_num: number, is_auto_pay = true) =>
  exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder', {
    resource_spec_code: 'hss.version.basic',
    subscription_num,
    is_auto_pay,
  });

describe('limits of the state', () => {
  it(
    'an order past /hss/quotas maxItems is refused naming the limit; paying one is refused too; the written file loads',
    { timeout: 240_000 },
    async () => {
      const file = newStateFile();
      const quotas = Array.from({ length: MAX_QUOTAS - 700 }, (_, i) => ({
        resource_id: `quota-${i}`,
        version: 'hss.version.basic',
      }));
      writeStateFile(file, { full: { hss: { quotas } } });
      let mock = await startMockProcess(['--state-file', file]);
      let pending: string;
      try {
        const { hss } = clients(mock.urls, 'full');
        expect((await hss.createQuotasOrder({ body: order(500) })).response.status).toBe(200);
        const refused = await hss.createQuotasOrder({ body: order(500) });
        expect(refused.response.status).toBe(400);
        expect(refused.error).toEqual({
          error_code: 'HSS.0001',
          error_msg: `invalid parameter: body (the project's state stays within the mock's limits): /hss/quotas (maxItems): must NOT have more than ${MAX_QUOTAS} items (this change would make ${MAX_QUOTAS + 300})`,
        });
        // Up to the limit exactly is fine.
        expect((await hss.createQuotasOrder({ body: order(200) })).response.status).toBe(200);
        // An order that waits for payment buys nothing yet; paying it would break the limit.
        const waiting = await hss.createQuotasOrder({ body: order(1, false) });
        pending = waiting.data!.order_id!;
        const paid = await billing(mock.urls).pay(pending);
        expect(paid.status).toBe(400);
        expect(paid.body.error_code).toBe('CBC.0100');
        expect(paid.body.error_msg).toContain(
          `/hss/quotas (maxItems): must NOT have more than ${MAX_QUOTAS} items`,
        );
      } finally {
        await mock.stop();
      }
      mock = await startMockProcess(['--state-file', file]);
      try {
        const state = (await control(mock.urls.hss!).state('full')).body as {
          hss: { quotas: unknown[] };
          orders: Array<{ order_id: string; status: string }>;
        };
        expect(state.hss.quotas).toHaveLength(MAX_QUOTAS);
        expect(state.orders.map((o) => o.status)).toEqual(['paid', 'paid', 'pending']);
        expect(state.orders[2]!.order_id).toBe(pending);
      } finally {
        await mock.stop();
      }
    },
  );

  it(
    'a project of 100,000 quotas (over 12 MiB as JSON) exports as JSON lines and imports back whole; a list past its limit is refused while it streams',
    { timeout: 240_000 },
    async () => {
      const file = newStateFile();
      const quotas = Array.from({ length: MAX_QUOTAS }, (_, i) => ({
        resource_id: `quota-${i}-${'x'.repeat(100)}`,
        version: 'hss.version.basic',
      }));
      writeStateFile(file, { big: { hss: { quotas } } });
      const mock = await startMockProcess(['--state-file', file]);
      try {
        const base = `${mock.urls.hss!}/_hwsec/state`;
        const json = await (await fetch(`${base}/big`)).text();
        expect(json.length).toBeGreaterThan(12 * 1024 * 1024);
        // One body that size is what the gateway limit refuses...
        const whole = await fetch(`${base}/copy`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: json,
        });
        expect(whole.status).toBe(413);
        // ...while its lines go through.
        const exported = await fetch(`${base}/big`, {
          headers: { accept: 'application/x-ndjson' },
        });
        expect(exported.headers.get('content-type')).toBe('application/x-ndjson');
        const lines = await exported.text();
        expect(lines.split('\n').length).toBeGreaterThan(100);
        const imported = await fetch(`${base}/copy`, {
          method: 'PUT',
          headers: { 'content-type': 'application/x-ndjson' },
          body: lines,
        });
        expect(imported.status).toBe(200);
        expect(await (await fetch(`${base}/copy`)).text()).toBe(json);

        const tooMany = `${JSON.stringify({ hss: { quotas: [] } })}\n${JSON.stringify({
          path: ['hss', 'quotas'],
          items: Array.from({ length: MAX_QUOTAS + 1 }, (_, i) => ({
            resource_id: `q${i}`,
            version: 'hss.version.basic',
          })),
        })}\n`;
        const refused = await fetch(`${base}/other`, {
          method: 'PUT',
          headers: { 'content-type': 'application/x-ndjson' },
          body: tooMany,
        });
        expect(refused.status).toBe(400);
        expect(await refused.json()).toEqual({
          error_code: 'HWSEC.0400',
          error_msg: `invalid state: /hss/quotas (maxItems): must NOT have more than ${MAX_QUOTAS} items`,
        });
      } finally {
        await mock.stop();
      }
    },
  );
});
