// The opt-in logger: one line per attempt with operation, method, path, status, duration,
// attempt and request id, for every kind of credentials, and never a secret.
import { afterEach, describe, expect, it } from 'vitest';
import type { AttemptLogEntry } from '../dist/index.js';
import { hangUp, json, startServer } from '@hwsec/test-support/http-server';
import { createTestClient } from './support/test-service.js';
import { PROJECT } from '@hwsec/test-support/vectors';

const AK = 'AKLOGGERTEST00000001';
const SK = 'SKloggertest000000000000000000000000001';
const STS = 'STSloggertest-0000000000000001';
const TOKEN = 'MIIloggertoken-00000000000000001';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const kinds = {
  token: { token: TOKEN },
  'AK/SK': { accessKey: AK, secretKey: SK },
  'AK/SK with a security token': { accessKey: AK, secretKey: SK, securityToken: STS },
};

describe('logger', () => {
  for (const [kind, credentials] of Object.entries(kinds)) {
    it(`one line per attempt, no secret (${kind})`, async () => {
      server = await startServer([
        json(503, { error_msg: `echo ${TOKEN} ${AK} ${STS}` }, { 'x-request-id': 'rid-1' }),
        json(200, { total_num: 1 }, { 'x-request-id': 'rid-2' }),
        json(200, { order_id: 'o' }, { 'x-request-id': 'rid-3' }),
        hangUp,
      ]);
      const lines: string[] = [];
      const entries: AttemptLogEntry[] = [];
      const client = createTestClient({
        baseUrl: server.baseUrl,
        projectId: PROJECT,
        credentials,
        retry: { maxAttempts: 2, sleep: async () => undefined },
        logger: (line, entry) => {
          lines.push(line);
          entries.push(entry);
        },
      });
      await client.showResourceQuotas({ params: { query: { version: 'secret-free-query' } } });
      await client.createQuotasOrder({ body: { resource_spec_code: 'a', period_num: 1 } });
      await client
        .createQuotasOrder({ body: { resource_spec_code: 'a', period_num: 1 } })
        .catch(() => undefined);
      expect(lines).toHaveLength(4);
      expect(lines[0]).toMatch(
        new RegExp(
          `^hwsec ShowResourceQuotas GET /v5/${PROJECT}/billing/quotas -> 503 in \\d+ ms \\(attempt 1, request id rid-1\\)$`,
        ),
      );
      expect(lines[1]).toMatch(
        /ShowResourceQuotas GET .* -> 200 in \d+ ms \(attempt 2, request id rid-2\)$/,
      );
      expect(lines[2]).toMatch(
        /CreateQuotasOrder POST \/v5\/\S+\/quotas\/orders -> 200 .*request id rid-3/,
      );
      expect(lines[3]).toMatch(/CreateQuotasOrder POST .* -> network in \d+ ms \(attempt 1\)$/);
      expect(entries.map((e) => [e.status, e.outcome, e.attempt])).toEqual([
        [503, 'ok', 1],
        [200, 'ok', 2],
        [200, 'ok', 1],
        [undefined, 'network', 1],
      ]);
      const all = JSON.stringify([lines, entries]);
      for (const secret of [TOKEN, AK, SK, STS, 'secret-free-query'])
        expect(all).not.toContain(secret);
      expect(all).not.toMatch(/Signature|authorization/i);
    });
  }

  it('a logger that throws does not change the outcome', async () => {
    server = await startServer([json(200, { order_id: 'o' })]);
    const { data } = await createTestClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { token: TOKEN },
      logger: () => {
        throw new Error('broken logger');
      },
    }).createQuotasOrder({ body: { resource_spec_code: 'a', period_num: 1 } });
    expect(data).toEqual({ order_id: 'o' });
    expect(server.received).toHaveLength(1);
  });
});
