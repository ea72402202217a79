// Browsers, Deno and Workers sign with Web Crypto, whose HMAC is asynchronous: the transport must
// wait for the signature. Here core's `#crypto` is its Web Crypto build (Node has crypto.subtle),
// so the asynchronous path runs in this process, against a real server on 127.0.0.1.
import { afterEach, expect, it, vi } from 'vitest';
import { officialSignatureFor } from '@hwsec/test-support/gateway-check';
import { json, startServer } from '@hwsec/test-support/http-server';
import { createTestClient } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

vi.mock('#crypto', () => import('../dist/crypto/web.js'));

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it('an asynchronous (Web Crypto) signature is awaited and sent as the official one', async () => {
  const { signerCrypto } = await import('#crypto');
  // The Web Crypto build answers with a Promise: this test runs the asynchronous path.
  expect(signerCrypto.sha256Hex('')).toBeInstanceOf(Promise);
  server = await startServer([json(200, { order_id: 'o-1' })]);
  const { data } = await createTestClient({
    baseUrl: server.baseUrl,
    projectId: PROJECT,
    credentials: { accessKey: AK, secretKey: SK },
    env: {},
  }).createQuotasOrder({ body: { resource_spec_code: 'hss.version.basic', period_num: 1 } });
  expect(data).toEqual({ order_id: 'o-1' });
  const [received] = server.received;
  expect(received!.headers['authorization']).toMatch(
    /^SDK-HMAC-SHA256 Access=AKTESTEXAMPLE0000000, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
  );
  expect(received!.headers['authorization']).toBe(
    officialSignatureFor(received!, server.baseUrl, AK, SK),
  );
});
