// Bound to every interface, the real process warns on start and guards the control API (which
// can reset every project) with a token printed once: a request from another address without it
// gets 401 and changes nothing; with it, or from loopback, it works. The billing routes stay open.
// "Another address" is the second address of a network namespace the mock runs in alone, so
// nothing here reaches past this machine's loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OWN_NETWORK_ADDRESS,
  requestInOwnNetwork,
  startMockProcess,
  type MockProcess,
} from './mock-process.js';

function seedRequest(headers: Record<string, string> = {}) {
  return {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ secmaster: { ecs_count: 9 } }),
  };
}

const arm = (headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ service: 'hss', when: 'before', fault: 'reset' }),
});

function addresses(mock: MockProcess) {
  const port = new URL(mock.urls.hss!).port;
  return { outside: `http://${OWN_NETWORK_ADDRESS}:${port}`, loopback: `http://127.0.0.1:${port}` };
}

// Each request from the other address is a process started in the mock's network namespace:
// slow when every suite of `pnpm test` shares the two cores, hence the generous bounds.
describe('bound beyond loopback', () => {
  it(
    'warns, prints a control token once, and refuses the control API to other addresses without it',
    { timeout: 360_000 },
    async () => {
      const mock = await startMockProcess(['--host', '0.0.0.0', '--stateful'], {
        ownNetwork: true,
      });
      try {
        const { stdout, stderr } = mock.output();
        expect(stderr).toContain(
          'hwsec-mock: warning: listening on 0.0.0.0, reachable from other machines',
        );
        const token =
          /control API token \(other machines send "Authorization: Bearer <token>"\): (\S+)/.exec(
            stdout,
          )?.[1];
        expect(token).toMatch(/^[\w-]{32}$/);
        expect(stdout.split(token!)).toHaveLength(2); // printed once
        expect(stderr).not.toContain(token);

        const { outside, loopback } = addresses(mock);
        const refused = await requestInOwnNetwork(mock, `${outside}/_hwsec/state/p`, seedRequest());
        expect(refused.status).toBe(401);
        expect(JSON.parse(refused.body)).toMatchObject({ error_code: 'HWSEC.0401' });
        const wrongToken = seedRequest({ authorization: 'Bearer wrong-token-wrong-token' });
        expect(
          (await requestInOwnNetwork(mock, `${outside}/_hwsec/state/p`, wrongToken)).status,
        ).toBe(401);
        expect(
          (await requestInOwnNetwork(mock, `${outside}/_hwsec/state`, { method: 'DELETE' })).status,
        ).toBe(401);
        const state = await requestInOwnNetwork(mock, `${loopback}/_hwsec/state/p`);
        expect(JSON.parse(state.body).secmaster.ecs_count).toBe(0);

        const withToken = seedRequest({ authorization: `Bearer ${token}` });
        expect(
          (await requestInOwnNetwork(mock, `${outside}/_hwsec/state/p`, withToken)).status,
        ).toBe(200);
        expect(
          (await requestInOwnNetwork(mock, `${loopback}/_hwsec/state/p`, seedRequest())).status,
        ).toBe(200);
        // The billing routes answer other machines as before.
        const quotas = await requestInOwnNetwork(mock, `${outside}/v5/p/billing/quotas`, {
          headers: { 'x-auth-token': 't' },
        });
        expect(quotas.status).toBe(200);
      } finally {
        await mock.stop();
      }
    },
  );

  // One process for both tests of a token given by variable: they ask it different things, and
  // neither changes what the other sees (the fault armed is never triggered).
  describe('with a token given by variable', () => {
    const token = 'a-token-of-my-own-choosing';
    let mock: MockProcess;
    beforeAll(async () => {
      mock = await startMockProcess(['--host', '0.0.0.0', '--stateful'], {
        env: { HWSEC_MOCK_CONTROL_TOKEN: token },
        ownNetwork: true,
      });
    }, 360_000);
    afterAll(() => mock.stop());

    it('is used and not printed', { timeout: 360_000 }, async () => {
      expect(mock.output().stdout).not.toContain(token);
      const { outside } = addresses(mock);
      const response = await requestInOwnNetwork(mock, `${outside}/_hwsec/state/p`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      const without = await requestInOwnNetwork(mock, `${outside}/_hwsec/state/p`);
      expect(without.status).toBe(401);
    });

    it('faults need it with --stateful', { timeout: 360_000 }, async () => {
      const { outside } = addresses(mock);
      expect((await requestInOwnNetwork(mock, `${outside}/_hwsec/faults`, arm())).status).toBe(401);
      const armed = await requestInOwnNetwork(
        mock,
        `${outside}/_hwsec/faults`,
        arm({ authorization: `Bearer ${token}` }),
      );
      expect(armed.status).toBe(201);
    });
  });

  it('faults, without --stateful, are served to loopback only', { timeout: 360_000 }, async () => {
    const stateless = await startMockProcess(['--host', '0.0.0.0'], { ownNetwork: true });
    try {
      const { outside, loopback } = addresses(stateless);
      const refused = await requestInOwnNetwork(stateless, `${outside}/_hwsec/faults`, arm());
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toMatchObject({
        error_code: 'HWSEC.0401',
        error_msg: expect.stringContaining('(loopback) only'),
      });
      const none = await requestInOwnNetwork(stateless, `${loopback}/_hwsec/faults`);
      expect(JSON.parse(none.body)).toEqual({ faults: [] });
      expect(
        (await requestInOwnNetwork(stateless, `${loopback}/_hwsec/faults`, arm())).status,
      ).toBe(201);
    } finally {
      await stateless.stop();
    }
  });
});
