// The logger's line names the outcome of every attempt exactly: the status alone for an HTTP
// answer, the status and the error's kind when an answer was refused (a redirect not followed, a
// 2xx that is not JSON), the kind alone when no answer came, and `error` for a failure that is
// not a HwsecError (an injected fetch that returns something that is not a Response).
import { afterEach, describe, expect, it } from 'vitest';
import { PlainRequest, createTransport } from '../dist/index.js';
import { startServer, type Reply } from '@hwsec/test-support/http-server';
import { createTestClient } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const order = { body: { resource_spec_code: 'hss.version.enterprise', period_num: 1 } };
const ORDERS = `/v5/${PROJECT}/quotas/orders`;

async function linesFor(reply: Reply) {
  server = await startServer([reply]);
  const lines: string[] = [];
  await createTestClient({
    baseUrl: server.baseUrl,
    projectId: PROJECT,
    credentials: { accessKey: AK, secretKey: SK },
    retry: false,
    logger: (line) => lines.push(line),
  })
    .createQuotasOrder(order)
    .catch(() => undefined);
  // The duration is the one part that varies.
  return lines.map((line) => line.replace(/ in \d+ ms /, ' in N ms '));
}

describe('log line outcomes', () => {
  it('a redirect not followed: status and kind', async () => {
    const lines = await linesFor((_req, res) =>
      res.writeHead(302, { location: '/elsewhere', 'x-request-id': 'rid-302' }).end(),
    );
    expect(lines).toEqual([
      `hwsec CreateQuotasOrder POST ${ORDERS} -> 302 redirect in N ms (attempt 1, request id rid-302)`,
    ]);
  });

  it('a 200 that is not JSON: status and kind', async () => {
    const lines = await linesFor((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('<html>'),
    );
    expect(lines).toEqual([
      `hwsec CreateQuotasOrder POST ${ORDERS} -> 200 response in N ms (attempt 1)`,
    ]);
  });

  it('an error that is not a HwsecError: `error`', async () => {
    const lines: string[] = [];
    const { transport } = createTransport({
      credentials: { accessKey: AK, secretKey: SK },
      fetch: async () => ({}) as Response,
      logger: (line) => lines.push(line),
    });
    const url = `https://hss.example.test/v5/${PROJECT}/billing/quotas`;
    await expect(transport(new PlainRequest(url))).rejects.toBeInstanceOf(TypeError);
    expect(lines.map((line) => line.replace(/ in \d+ ms /, ' in N ms '))).toEqual([
      `hwsec GET ${url} GET /v5/${PROJECT}/billing/quotas -> error in N ms (attempt 1)`,
    ]);
  });
});
