// A server may echo a secret however it likes. Each test makes the server echo the caller's own
// secret in one encoding and first checks that the echo really is in the raw answer, so the test
// fails if redaction is switched off; then neither `result.error` nor the thrown error (message,
// toString, JSON, inspect, cause) may hold the secret in that encoding.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_FRAGMENT, unwrap } from '../dist/index.js';
import { startServer, type Received } from '@hwsec/test-support/http-server';
import { createTestClient } from './support/test-service.js';
import { PROJECT } from '@hwsec/test-support/vectors';

const AK = 'AKECHOTEST0000000001';
const SK = 'SKechotest+/=0000000000000000000000000001';
const STS = 'STSechotest-security/token+0000000001==';
const TOKEN = 'MIIechotoken-0123456789/abcdef+ghij=klmn"quote\\back';

const encodings: Record<string, (secret: string) => string> = {
  exact: (s) => s,
  'URL-encoded': encodeURIComponent,
  base64: (s) => Buffer.from(s).toString('base64'),
  base64url: (s) => Buffer.from(s).toString('base64url'),
  'base64 of a shifted slice': (s) => Buffer.from(s.slice(1)).toString('base64'),
  'JSON-escaped (inside a JSON string)': (s) => JSON.stringify(s).slice(1, -1),
  [`a ${MIN_FRAGMENT + 4}-character fragment`]: (s) => s.slice(5, 5 + MIN_FRAGMENT + 4),
  [`a ${MIN_FRAGMENT}-character fragment, URL-encoded`]: (s) =>
    encodeURIComponent(s.slice(2, 2 + MIN_FRAGMENT)),
};

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

const secrets = { token: TOKEN, accessKey: AK, secretKey: SK, securityToken: STS } as const;

describe('secrets are masked however a server echoes them', () => {
  for (const [which, secret] of Object.entries(secrets)) {
    for (const [encoding, encode] of Object.entries(encodings)) {
      it(`${which}, ${encoding}: in result.error and in the error`, async () => {
        const echo = encode(secret);
        let raw = '';
        server = await startServer([
          (_req: Received, res) => {
            raw = JSON.stringify({
              error_code: 'APIG.0301',
              error_msg: `echo: ${echo}`,
              [`k-${echo}`]: echo,
            });
            res.writeHead(401, { 'content-type': 'application/json' }).end(raw);
          },
        ]);
        const credentials =
          which === 'token'
            ? { token: TOKEN }
            : { accessKey: AK, secretKey: SK, securityToken: STS };
        const result = await createTestClient({
          baseUrl: server.baseUrl,
          projectId: PROJECT,
          credentials,
        }).createQuotasOrder({
          body: { resource_spec_code: 'a', period_num: 1 },
        });
        // The echo really was sent: without redaction this test fails.
        expect(JSON.parse(raw).error_msg).toContain(echo);
        let thrown: unknown;
        try {
          unwrap(result);
        } catch (error) {
          thrown = error;
        }
        for (const text of [...renderings(result.error), ...renderings(thrown)]) {
          expect(text).not.toContain(echo);
          expect(text).not.toContain(JSON.stringify(echo).slice(1, -1));
        }
        expect(JSON.stringify(result.error)).toContain('[REDACTED]');
      });
    }
  }

  it('a network error whose text quotes the secrets (an injected fetch that echoes its headers)', async () => {
    const client = createTestClient({
      baseUrl: 'https://hss.example.test',
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK, securityToken: STS },
      retry: false,
      fetch: async (_url, init) => {
        const headers = init.headers as Record<string, string>;
        throw new TypeError(`cannot send ${JSON.stringify(headers)}`, {
          cause: new Error(`security token ${headers['x-security-token']} / ${SK}`),
        });
      },
    });
    let quoted = '';
    const error = await client
      .createQuotasOrder({ body: { resource_spec_code: 'a', period_num: 1 } })
      .catch((e: unknown) => e);
    quoted = String((error as Error).message);
    expect(quoted).toMatch(/cannot send/);
    for (const text of renderings(error)) {
      for (const secret of [AK, SK, STS]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
    }
  });

  it('a signature echoed without its "Signature=" prefix', async () => {
    server = await startServer([
      (req, res) => {
        const signature = /Signature=([0-9a-f]{64})/.exec(
          String(req.headers['authorization']),
        )![1]!;
        res
          .writeHead(403, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error_msg: `expected ${signature}` }));
      },
    ]);
    const result = await createTestClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
    }).showResourceQuotas();
    expect(JSON.stringify(result.error)).toMatch(/expected \[REDACTED\]/);
    expect(JSON.stringify(result.error)).not.toMatch(/[0-9a-f]{64}/);
  });
});
