// The redactor's exact output: what is masked, and no more. redaction-encodings.test.ts checks
// that an echoed secret is gone end to end; here each rule of the README's redaction rule is
// checked character for character (a mask one character too short leaks it, one too long eats
// the message around it), through the internal module and through a real server's error body.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRedactor,
  MIN_FRAGMENT,
  REDACTED,
  redactJson,
  redactSignatures,
} from '../dist/redact.js';
import { json, startServer } from '@hwsec/test-support/http-server';
import { PROJECT } from '@hwsec/test-support/vectors';
import { createTestClient } from './support/test-service.js';

const R = REDACTED;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (s: string) => Buffer.from(s).toString('base64url');

describe('signatures', () => {
  it('keeps the "Signature=" prefix and masks the hex after it', () => {
    expect(redactSignatures('SDK-HMAC-SHA256 Access=AK, Signature=0123abcdEF, x')).toBe(
      `SDK-HMAC-SHA256 Access=AK, Signature=${R}, x`,
    );
  });

  it('masks a bare run of 64 hex digits, not a shorter one', () => {
    const hex = 'ab'.repeat(32);
    expect(redactSignatures(`expected ${hex}.`)).toBe(`expected ${R}.`);
    expect(redactSignatures(`id ${hex.slice(2)}`)).toBe(`id ${hex.slice(2)}`);
  });
});

describe('a secret of MIN_FRAGMENT characters or more', () => {
  const SK = 'SKexact0123456789abcdefghijklmnopqrstuvw';
  const redact = createRedactor([SK]);

  it('is masked as one mask, the text around it kept', () => {
    expect(redact(`x ${SK} y`)).toBe(`x ${R} y`);
  });

  it(`its first and its last ${MIN_FRAGMENT} characters are masked; ${MIN_FRAGMENT - 1} are kept`, () => {
    expect(redact(`x ${SK.slice(0, MIN_FRAGMENT)} y`)).toBe(`x ${R} y`);
    expect(redact(`x ${SK.slice(-MIN_FRAGMENT)} y`)).toBe(`x ${R} y`);
    expect(redact(`x ${SK.slice(-MIN_FRAGMENT)}`)).toBe(`x ${R}`);
    expect(redact(`x ${SK.slice(1, MIN_FRAGMENT)} y`)).toBe(`x ${SK.slice(1, MIN_FRAGMENT)} y`);
  });

  it('its base64, whole, keeps the padding; a shifted slice is masked too', () => {
    // 40 bytes: two '=' of padding, which are not part of the secret.
    expect(b64(SK)).toMatch(/[^=]==$/);
    expect(redact(b64(SK))).toBe(`${R}==`);
    expect(redact(`<${b64(SK.slice(1))}>`)).toBe(`<${R}>`);
    expect(redact(`<${b64(SK.slice(2))}>`)).toBe(`<${R}=>`);
    expect(redact(`<${b64url(SK)}>`)).toBe(`<${R}>`);
  });

  it('two echoes apart are two masks; an echo overlapping itself is one', () => {
    expect(redact(`${SK} and ${SK}`)).toBe(`${R} and ${R}`);
    const periodic = 'abababab';
    expect(createRedactor([periodic])(`xx ${'ab'.repeat(5)} yy`)).toBe(`xx ${R} yy`);
  });

  it('two echoes back to back, touching but not overlapping, are one mask', () => {
    const secret = 'abcdefgh';
    expect(createRedactor([secret])(`xx ${secret}${secret} yy`)).toBe(`xx ${R} yy`);
  });

  it('a secret whose base64 is dense in "+" and "/": base64url is masked too', () => {
    // '>' and '?' encode to "Pj4+" and "Pz8/": base64url differs from base64 in every window.
    for (const secret of ['>'.repeat(24), '?'.repeat(24)]) {
      const mask = createRedactor([secret]);
      expect(b64url(secret)).not.toBe(b64(secret));
      expect(mask(`<${b64(secret)}>`)).toBe(`<${R}>`);
      expect(mask(`<${b64url(secret)}>`)).toBe(`<${R}>`);
    }
  });

  it('a secret with a quote and a backslash: its JSON-escaped echo is masked', () => {
    const token = 'MIItoken"quote\\back0123';
    const escaped = JSON.stringify(token).slice(1, -1);
    expect(createRedactor([token])(`x ${escaped} y`)).toBe(`x ${R} y`);
  });
});

describe(`a secret shorter than MIN_FRAGMENT (${MIN_FRAGMENT})`, () => {
  it('is masked where it appears whole, in each of its forms', () => {
    const redact = createRedactor(['pa+s/w']);
    expect(redact('x pa+s/w y')).toBe(`x ${R} y`);
    expect(redact(`x ${encodeURIComponent('pa+s/w')} y`)).toBe(`x ${R} y`);
    expect(redact('x pa+s y')).toBe('x pa+s y');
  });

  it('a one-character secret: itself and its base64 (padding kept), nothing else', () => {
    const redact = createRedactor(['a']);
    expect(b64('a')).toBe('YQ==');
    expect(redact('x a b YQ== y')).toBe(`x ${R} b ${R}== y`);
    expect(redact('x YQ y')).toBe(`x ${R} y`);
  });

  it('its JSON-escaped form (quote, backslash) is masked', () => {
    const secret = 'a"b\\c';
    const escaped = JSON.stringify(secret).slice(1, -1);
    expect(escaped).toBe('a\\"b\\\\c');
    expect(createRedactor([secret])(`x ${escaped} y`)).toBe(`x ${R} y`);
  });

  it('its base64 at each byte alignment is masked; a shorter piece of it is kept', () => {
    const redact = createRedactor(['abcdef']);
    // 'abcdef' is 'YWJjZGVm' in base64 (a form of MIN_FRAGMENT characters), 'YmNkZWY' and
    // 'Y2RlZg' from its second and third byte.
    expect(redact('x YWJjZGVm y')).toBe(`x ${R} y`);
    expect(redact('x YmNkZWY y')).toBe(`x ${R} y`);
    expect(redact('x Y2RlZg y')).toBe(`x ${R} y`);
    // Pieces of these forms that are not a form themselves are left alone.
    expect(redact('x WJjZGVm ZGVm y')).toBe('x WJjZGVm ZGVm y');
  });

  it('two secrets, one inside the other: the longer is masked whole, whatever their order', () => {
    for (const secrets of [
      ['key', 'key9'],
      ['key9', 'key'],
    ])
      expect(createRedactor(secrets)('x key9 key y')).toBe(`x ${R} ${R} y`);
  });
});

describe('redactJson', () => {
  const SECRET = 'SECRETjson-0123456789';
  const redact = createRedactor([SECRET]);

  it('redacts strings in objects and arrays, keys included; other values are kept', () => {
    const body = {
      error_code: 'APIG.0301',
      errors: [`bad ${SECRET}`, 7, null, true, { [SECRET]: [SECRET] }],
    };
    expect(redactJson(body, redact)).toEqual({
      error_code: 'APIG.0301',
      errors: [`bad ${R}`, 7, null, true, { [R]: [R] }],
    });
  });

  it('below 64 levels, what is left becomes its redacted JSON text', () => {
    let nested: unknown = [SECRET];
    for (let i = 0; i < 69; i++) nested = i % 2 ? { k: nested } : [nested];
    let level = redactJson(nested, redact) as unknown;
    for (let depth = 0; depth < 65; depth++) {
      expect(typeof level).toBe('object');
      level = Array.isArray(level) ? level[0] : (level as { k: unknown }).k;
    }
    // The five levels below, the secret masked inside.
    expect(level).toBe(`{"k":[{"k":[["${R}"]]}]}`);
  });
});

describe('through a real server: an error body with arrays', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('result.error is the body with each echo of the token masked, exactly', async () => {
    const TOKEN = 'MIItoken-array-0123456789';
    server = await startServer([
      json(400, {
        error_code: 'APIG.0301',
        errors: [{ field: 'X-Auth-Token', value: TOKEN }, [`short ${TOKEN.slice(3, 13)}`]],
      }),
    ]);
    const result = await createTestClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { token: TOKEN },
    }).showResourceQuotas();
    expect(result.error).toEqual({
      error_code: 'APIG.0301',
      errors: [{ field: 'X-Auth-Token', value: R }, [`short ${R}`]],
    });
  });
});
