// No message, toString(), JSON.stringify() or util.inspect() of an error or of a client ever
// shows a token, an AK, an SK, a security token or a signature.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { HwsecApiError, unwrap } from '../dist/index.js';
import { hangUp, json, startServer } from '@hwsec/test-support/http-server';
import { createTestClient } from './support/test-service.js';
import { PROJECT } from '@hwsec/test-support/vectors';

const AK = 'AKREDACTME0000000000';
const SK = 'SKredactme00000000000000000000000000000000';
const STS = 'STSredactme0000000000';
const TOKEN = 'MIItokenredactme0000';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function renderings(value: unknown): string[] {
  const out = [
    inspect(value, { depth: 10, showHidden: true }),
    JSON.stringify(value) ?? '',
    String(value),
  ];
  if (value instanceof Error)
    out.push(value.message, value.stack ?? '', inspect(value.cause, { depth: 10 }));
  return out;
}

function expectNoSecrets(value: unknown, signature?: string) {
  for (const text of renderings(value)) {
    for (const secret of [AK, SK, STS, TOKEN, ...(signature ? [signature] : [])])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
  }
}

describe('secrets never leak', () => {
  it('from an API error whose body echoes the credentials and the signature', async () => {
    server = await startServer([
      (req, res) => {
        res.writeHead(401, { 'content-type': 'application/json', 'X-Request-Id': 'rid-401' });
        res.end(
          JSON.stringify({
            error_code: 'APIG.0301',
            error_msg: `verify aksk signature fail: ${req.headers['authorization']} ${req.headers['x-security-token']}`,
            request_id: 'rid-401',
          }),
        );
      },
    ]);
    const client = createTestClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK, securityToken: STS },
    });
    const result = await client.showResourceQuotas();
    const signature = /Signature=([0-9a-f]{64})/.exec(
      String(server.received[0]!.headers['authorization']),
    )![1]!;
    let error: unknown;
    try {
      unwrap(result);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HwsecApiError);
    expect(error).toMatchObject({ status: 401, errorCode: 'APIG.0301', requestId: 'rid-401' });
    expect((error as HwsecApiError).errorMsg).toContain('[REDACTED]');
    expectNoSecrets(error, signature);
  });

  it('from a network error, including its cause', async () => {
    server = await startServer([hangUp]);
    const client = createTestClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK, securityToken: STS },
      retry: false,
    });
    const error = await client
      .createQuotasOrder({ body: { resource_spec_code: 'a', period_num: 1 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expectNoSecrets(error);
  });

  it('from fetch rejecting a header value that holds the token', async () => {
    const client = createTestClient({
      baseUrl: 'http://127.0.0.1:9',
      projectId: PROJECT,
      credentials: { token: `${TOKEN}\nbad` },
      retry: false,
    });
    const error = await client.showResourceQuotas().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
  });

  it('from the client object', () => {
    const client = createTestClient({
      region: 'cn-north-4',
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK, securityToken: STS },
    });
    expectNoSecrets(client);
    const tokenClient = createTestClient({
      region: 'cn-north-4',
      projectId: PROJECT,
      credentials: { token: TOKEN },
    });
    expectNoSecrets(tokenClient);
  });
});
