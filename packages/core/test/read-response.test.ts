// The buffered Response the transport hands openapi-fetch (and the caller, as `response`): its
// body is already in memory, and it answers every Body method as a WHATWG Response made from the
// same bytes does. Each case runs on both and compares.
import { describe, expect, it } from 'vitest';
import { ReadResponse } from '../dist/read-response.js';

const url = 'https://hss.example.test/v5/p/billing/quotas';
const init = {
  status: 200,
  statusText: 'OK',
  headers: { 'content-type': 'application/json', 'x-request-id': 'r-1' },
};
/** The same answer twice: ours (text decoded from `bytes`, as the Node transport does) and a real one. */
function both(bytes: Uint8Array<ArrayBuffer>, given: ResponseInit = init, keepBytes = true) {
  const text = new TextDecoder().decode(bytes);
  return {
    ours: new ReadResponse(text, { ...given, url }, keepBytes ? bytes : undefined),
    real: new Response(
      bytes.byteLength || ![204, 205, 304].includes(given.status!) ? bytes : null,
      given,
    ),
  };
}
const utf8 = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
const json = utf8('{"quotas":{"resources":[{"version":"hss.version.enterprise"}]},"名":"ü"}');
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: Error) => [error.constructor.name, error.message],
  );

describe('ReadResponse', () => {
  it('is an unused Response with the status, statusText, headers and url it was given', () => {
    const { ours } = both(json);
    expect(ours).toBeInstanceOf(Response);
    expect([ours.bodyUsed, ours.status, ours.statusText, ours.ok, ours.url]).toEqual([
      false,
      200,
      'OK',
      true,
      url,
    ]);
    expect([...ours.headers]).toEqual([...new Headers(init.headers)]);
    expect(ours.bodyText).toBe(new TextDecoder().decode(json));
  });

  it('text() gives the body once; a second read rejects with the TypeError a Response gives', async () => {
    const { ours, real } = both(json);
    expect(await ours.text()).toBe(await real.text());
    expect([ours.bodyUsed, real.bodyUsed]).toEqual([true, true]);
    expect(await rejection(ours.text())).toEqual(await rejection(real.text()));
    expect(await rejection(ours.json())).toEqual(await rejection(real.json()));
    expect(await rejection(ours.json())).toEqual([
      'TypeError',
      'Body is unusable: Body has already been read',
    ]);
  });

  it('json() parses once, resolving the very value parsed() gives the transport', async () => {
    const { ours, real } = both(json);
    const parsed = ours.parsed();
    expect(ours.parsed()).toBe(parsed);
    expect(ours.bodyUsed).toBe(false);
    const value: unknown = await ours.json();
    expect(value).toBe(parsed);
    expect(value).toEqual(await real.json());
    expect(ours.bodyUsed).toBe(true);
  });

  it('json() on a body that is not JSON rejects with a SyntaxError, as a Response does', async () => {
    const { ours, real } = both(utf8('<html>busy</html>'));
    const result = ours.json();
    expect(result).toBeInstanceOf(Promise);
    expect(await rejection(result)).toEqual(['SyntaxError', expect.any(String)]);
    expect(await rejection(real.json())).toEqual(['SyntaxError', expect.any(String)]);
    expect(() => ours.parsed()).toThrow(SyntaxError);
  });

  it('arrayBuffer() gives the bytes received, even when they are not valid UTF-8', async () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const { ours, real } = both(bytes);
    expect(ours.bodyText).toBe('{\ufffd\ufffd}');
    expect(new Uint8Array(await ours.arrayBuffer())).toEqual(
      new Uint8Array(await real.arrayBuffer()),
    );
    expect(ours.bodyUsed).toBe(true);
    await expect(ours.arrayBuffer()).rejects.toThrow(TypeError);
  });

  it('arrayBuffer() of a text-only ReadResponse (the web transport) is its UTF-8 encoding', async () => {
    const { ours, real } = both(json, init, false);
    expect(new Uint8Array(await ours.arrayBuffer())).toEqual(
      new Uint8Array(await real.arrayBuffer()),
    );
  });

  it('blob() has the bytes and the content type', async () => {
    const { ours, real } = both(json);
    const [mine, theirs] = [await ours.blob(), await real.blob()];
    expect([mine.type, mine.size, await mine.text()]).toEqual([
      theirs.type,
      theirs.size,
      await theirs.text(),
    ]);
  });

  it('formData() parses a form body', async () => {
    const form = { ...init, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    const { ours, real } = both(utf8('a=1&b=%E4%B8%AD'), form);
    expect([...(await ours.formData())]).toEqual([...(await real.formData())]);
    expect([...(await both(utf8('a=1'), form).ours.formData())]).toEqual([['a', '1']]);
  });

  it('body streams the bytes; clone() keeps status, statusText and headers and reads independently', async () => {
    const { ours } = both(json, { ...init, status: 429, statusText: 'Slow Down' });
    const copy = ours.clone();
    expect([copy.status, copy.statusText, [...copy.headers]]).toEqual([
      429,
      'Slow Down',
      [...new Headers(init.headers)],
    ]);
    expect(ours.bodyUsed).toBe(false);
    expect(await new Response(ours.body).text()).toBe(new TextDecoder().decode(json));
    expect(ours.bodyUsed).toBe(true);
    expect(await copy.text()).toBe(new TextDecoder().decode(json));
  });

  it('once read, body, arrayBuffer(), blob(), formData() and clone() fail as on a read Response', async () => {
    const { ours, real } = both(json);
    await ours.text();
    await real.text();
    expect(ours.bodyUsed).toBe(true);
    for (const read of ['arrayBuffer', 'blob', 'formData', 'text'] as const)
      expect(await rejection(ours[read]())).toEqual(await rejection(real[read]()));
    expect(() => ours.clone()).toThrow(TypeError);
    expect(() => real.clone()).toThrow(TypeError);
    expect(ours.body).not.toBeNull();
  });

  it.each([204, 205, 304])(
    'a %i answer has a null body, never used up: it reads as empty every time',
    async (status) => {
      const { ours, real } = both(new Uint8Array(), { status });
      for (const response of [ours, real]) {
        expect([await response.text(), await response.text(), response.bodyUsed]).toEqual([
          '',
          '',
          false,
        ]);
        expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array());
        expect([(await response.blob()).size, response.bodyUsed, response.clone().status]).toEqual([
          0,
          false,
          status,
        ]);
      }
      expect([ours.body, real.body]).toEqual([null, null]);
    },
  );
});
