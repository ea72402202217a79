// The gateway in signature mode: more than 5 bad signatures in a row lock the AK for 5 minutes
// (even a good signature is refused then); an X-Sdk-Date more than 15 minutes off is refused.
// The mock's clock is injected, so nothing waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { PROJECT_ID, json, signedFetch, startTinyMock } from './helpers.js';

let clock = new Date('2026-05-01T12:00:00Z');
let mock: RunningMock;
beforeAll(async () => {
  mock = await startTinyMock({ verifySignatures: true, now: () => clock });
});
afterAll(() => mock.close());

const quotas = () => `${mock.urls.hss}/v5/${PROJECT_ID}/billing/quotas`;
const good = () => signedFetch(quotas(), { method: 'GET', date: clock });
const bad = () => signedFetch(quotas(), { method: 'GET', date: clock, secretKey: 'SKwrong' });

describe('AK lock after bad signatures', () => {
  it('5 bad in a row are only refused; the 6th locks the AK for 5 minutes on every service', async () => {
    for (let i = 0; i < 5; i++) expect((await bad()).status).toBe(401);
    expect((await good()).status).toBe(200); // a good one resets the count
    for (let i = 0; i < 6; i++) {
      const response = await bad();
      expect(response.status).toBe(401);
      expect((await json(response))['error_msg']).toContain('verify aksk signature fail');
    }
    const locked = await good();
    expect(locked.status).toBe(401);
    const body = await json(locked);
    expect(body['error_code']).toBe('APIG.0301');
    expect(body['error_msg']).toContain('locked until 2026-05-01T12:05:00.000Z');
    expect(body['error_msg']).not.toContain('AKTEST');
    const otherService = await signedFetch(`${mock.urls.dsc}/v1/${PROJECT_ID}/period/order`, {
      method: 'POST',
      date: clock,
      body: '{}',
    });
    expect((await json(otherService))['error_msg']).toContain('locked');

    clock = new Date(clock.getTime() + 4 * 60_000 + 59_000);
    expect((await good()).status).toBe(401);
    clock = new Date(clock.getTime() + 1_000);
    expect((await good()).status).toBe(200);
  });

  it('an X-Sdk-Date more than 15 minutes from the mock’s clock is refused, 15 minutes is not', async () => {
    const at = (offsetMs: number) =>
      signedFetch(quotas(), { method: 'GET', date: new Date(clock.getTime() + offsetMs) });
    expect((await at(15 * 60_000)).status).toBe(200);
    expect((await at(-15 * 60_000)).status).toBe(200);
    const late = await at(15 * 60_000 + 1_000);
    expect(late.status).toBe(401);
    expect((await json(late))['error_msg']).toContain('signature expired');
    expect((await at(-16 * 60_000)).status).toBe(401);
  });
});
