// Browsers on the docs' origin may call every service port: the preflight is answered before
// Prism and the authentication step (signature mode on here), the signed request's headers are
// allowed and X-Request-Id is readable. Other origins get no CORS header at all.
import { request as httpRequest } from 'node:http';
import { DOCS_DEFAULT_PORT } from '@hwsec/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliOptions, UsageError } from '../src/cli-options.js';
import { startMock, type RunningMock } from '../src/index.js';
import { freePorts, PROJECT_ID, signedFetch } from './helpers.js';

const DOCS = `http://127.0.0.1:${DOCS_DEFAULT_PORT}`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/** node:http, because fetch would not let a test choose the Origin header freely. */
function send(url: string, method: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const corsHeaders = (answer: Answer) =>
  Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'));

const preflight = (url: string, origin: string) =>
  send(url, 'OPTIONS', {
    origin,
    'access-control-request-method': 'POST',
    'access-control-request-headers':
      'authorization,content-type,x-sdk-date,x-project-id,x-security-token',
  });

let mock: RunningMock;
let shut: RunningMock;

beforeAll(async () => {
  [mock, shut] = await Promise.all([
    startMock({ ports: freePorts(), verifySignatures: true }),
    startMock({ ports: freePorts(), corsOrigins: [] }),
  ]);
});

afterAll(async () => {
  await Promise.all([mock?.close(), shut?.close()]);
});

describe('CORS for the local docs', () => {
  it('answers a preflight on every service port without asking for credentials', async () => {
    for (const [id, base] of Object.entries(mock.urls)) {
      const answer = await preflight(`${base}/v1/${PROJECT_ID}/anything`, DOCS);
      expect(answer.status, id).toBe(204);
      expect(answer.headers['access-control-allow-origin'], id).toBe(DOCS);
      expect(answer.headers['access-control-allow-methods'], id).toMatch(/\bPOST\b/);
      const allowed = String(answer.headers['access-control-allow-headers']).split(', ');
      for (const header of [
        'authorization',
        'x-sdk-date',
        'x-auth-token',
        'x-security-token',
        'x-project-id',
        'x-domain-id',
        'content-type',
        'x-sdk-content-sha256',
      ])
        expect(allowed, `${id} ${header}`).toContain(header);
    }
  });

  it("allows the operations' own header parameters (SecMaster's X-Language)", async () => {
    const answer = await preflight(`${mock.urls['secmaster']}/`, DOCS);
    expect(String(answer.headers['access-control-allow-headers'])).toContain('x-language');
  });

  it('lets the page read X-Request-Id of a real answer, a 401 included', async () => {
    const base = mock.urls['hss']!;
    const refused = await send(`${base}/v5/${PROJECT_ID}/billing/quotas`, 'GET', {
      origin: `http://localhost:${DOCS_DEFAULT_PORT}`,
    });
    expect(refused.status).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe(
      `http://localhost:${DOCS_DEFAULT_PORT}`,
    );
    expect(String(refused.headers['access-control-expose-headers'])).toMatch(/x-request-id/i);
    const signed = await signedFetch(`${base}/v5/${PROJECT_ID}/billing/quotas`, {
      method: 'GET',
      headers: { origin: DOCS, 'x-project-id': PROJECT_ID },
    });
    expect(signed.status).toBe(200);
    expect(signed.headers.get('access-control-allow-origin')).toBe(DOCS);
  });

  it('gives any other origin no CORS header, and refuses its preflight', async () => {
    const base = mock.urls['dsc']!;
    const other = 'http://127.0.0.1:4999';
    const answer = await preflight(`${base}/`, other);
    expect(answer.status).toBe(403);
    expect(corsHeaders(answer)).toEqual([]);
    const plain = await send(`${base}/`, 'GET', { origin: other });
    expect(corsHeaders(plain)).toEqual([]);
  });

  it('with no origins configured, even the docs get none', async () => {
    const answer = await preflight(`${shut.urls['hss']}/`, DOCS);
    expect(corsHeaders(answer)).toEqual([]);
  });
});

describe('--cors-origins / HWSEC_MOCK_CORS_ORIGINS', () => {
  it('defaults to the local docs, following HWSEC_DOCS_PORT', () => {
    expect(parseCliOptions([], {}).mock.corsOrigins).toEqual([
      DOCS,
      `http://localhost:${DOCS_DEFAULT_PORT}`,
    ]);
    expect(parseCliOptions([], { HWSEC_DOCS_PORT: '4100' }).mock.corsOrigins).toEqual([
      'http://127.0.0.1:4100',
      'http://localhost:4100',
    ]);
  });

  it('takes a list from the flag or the variable (the flag wins), or none', () => {
    const env = { HWSEC_MOCK_CORS_ORIGINS: 'https://docs.example.com' };
    expect(parseCliOptions([], env).mock.corsOrigins).toEqual(['https://docs.example.com']);
    expect(
      parseCliOptions(['--cors-origins', 'http://a.test:1, http://b.test'], env).mock.corsOrigins,
    ).toEqual(['http://a.test:1', 'http://b.test']);
    expect(parseCliOptions(['--cors-origins', ''], env).mock.corsOrigins).toEqual([]);
  });

  it('refuses what is not an origin, such as a wildcard or a path', () => {
    for (const value of ['*', 'http://a.test/docs', 'ftp://a.test'])
      expect(() => parseCliOptions(['--cors-origins', value], {})).toThrow(UsageError);
  });
});
