// Wire-level contract of every operation, beyond the schemas: the JSON media types the official
// SDKs send are accepted, other media types and unparseable JSON are rejected with the service's
// error body, and a request without credentials gets the API gateway's 401.
import { describe, expect, it } from 'vitest';
import { allOperations, successOf } from '../src/operation-model.js';
import { exampleInput, send, toWire } from '../src/request-input.js';
import { mockUrl, TOKEN_AUTH } from './support/mock.js';

// Go/Python send `application/json;charset=utf-8` (SecMaster), the HSS pages default to
// `application/json; charset=utf-8`, Node sends `application/json`.
const JSON_MEDIA_TYPES = [
  'application/json',
  'application/json;charset=utf-8',
  'application/json; charset=utf-8',
];

for (const operation of allOperations()) {
  describe(`${operation.operationId} on the wire`, () => {
    const success = successOf(operation);
    const wire = (auth: Record<string, string> = TOKEN_AUTH) =>
      toWire(operation, exampleInput(operation), mockUrl(operation), auth);

    it('rejects a request without credentials with the gateway 401', async () => {
      const response = await send(wire({}));
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({
        error_code: 'APIG.0301',
        error_msg: expect.any(String),
        request_id: expect.any(String),
      });
    });

    if (!operation.requestBody) return;

    it.each(JSON_MEDIA_TYPES)('accepts the body as %s', async (mediaType) => {
      const request = wire();
      request.headers['content-type'] = mediaType;
      const response = await send(request);
      expect(response.status).toBe(success.status);
      if (success.status !== 204) expect(success.examples).toContainEqual(response.body);
    });

    it('rejects a body of another media type, naming the content type', async () => {
      const request = wire();
      request.headers['content-type'] = 'text/plain';
      const response = await send(request);
      expect(response.status).toBe(400);
      expect((response.body as { error_msg: string }).error_msg).toContain(
        'header.content-type (content-type)',
      );
    });

    it('rejects unparseable JSON with an error body naming the body', async () => {
      const request = wire();
      request.body = request.body!.slice(0, -1);
      const response = await send(request);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        error_code: expect.any(String),
        error_msg: expect.stringContaining('body (json)'),
      });
    });
  });
}
