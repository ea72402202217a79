// The web build signs the reference vectors in a real headless Chromium (Debian's), and a full
// signed client call from the page passes the official signer's check on the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumExecutable, chromiumFlags } from '../../../scripts/chromium-launch.js';
import { bundleForBrowser } from './support/browser-bundle.js';
import { officialSignatureFor } from '@hwsec/test-support/gateway-check';
import type { Received } from '@hwsec/test-support/http-server';
import { AK, PROJECT, SK, referenceVectors } from '@hwsec/test-support/vectors';

let bundle = '';
let context: BrowserContext;
let userDataDir = '';
const received: Received[] = [];
const server = createServer((req, res) => {
  if (req.url === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><script type="module" src="/bundle.js"></script>');
  } else if (req.url === '/bundle.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(bundle);
  } else if (req.url!.startsWith('/redirect/')) {
    received.push({ method: req.method!, url: req.url!, headers: req.headers, body: '' });
    req.resume();
    res.writeHead(307, { location: req.url!.slice('/redirect'.length) }).end();
  } else {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"order_id":"browser-1"}');
    });
  }
});
let origin = '';

beforeAll(async () => {
  bundle = await bundleForBrowser(fileURLToPath(new URL('./browser/entry.ts', import.meta.url)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  userDataDir = mkdtempSync(join(tmpdir(), 'hwsec-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumExecutable,
    headless: true,
    args: chromiumFlags,
  });
});

afterAll(async () => {
  await context?.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(userDataDir, { recursive: true, force: true });
});

describe('in headless Chromium', () => {
  it('the browser bundle holds no Node built-in', () => {
    // (openapi-fetch's own guarded `typeof process` check is fine in a browser.)
    expect(/["']node:[a-z]+["']|\brequire\(/.test(bundle)).toBe(false);
    expect(bundle).toContain('crypto.subtle');
  });

  it('signs the reference vectors byte-for-byte', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => 'hwsec' in window);
    const signatures = await page.evaluate(
      ([ak, sk]) => window.hwsec.signReferenceVectors(ak!, sk!),
      [AK, SK],
    );
    expect(signatures).toEqual(referenceVectors.map((vector) => vector.authorization));
  });

  it('sends a signed order that the official signer verifies', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => 'hwsec' in window);
    const result = await page.evaluate(
      ([ak, sk, project]) => window.hwsec.callOrder(ak!, sk!, project!),
      [AK, SK, PROJECT],
    );
    expect(result).toEqual({ data: { order_id: 'browser-1' }, status: 200 });
    const order = received.find((r) => r.method === 'POST')!;
    expect(order.headers['authorization']).toBe(officialSignatureFor(order, origin, AK, SK));
  });

  it('a redirect is never followed: the opaque redirect is a typed error (status 0, no Location)', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => 'hwsec' in window);
    const before = received.length;
    const outcomes = await page.evaluate(
      ([ak, sk, project, base]) => window.hwsec.callRedirected(ak!, sk!, project!, base!),
      [AK, SK, PROJECT, `${origin}/redirect`],
    );
    const redirect = { typed: true, kind: 'redirect', status: 0 };
    expect(outcomes).toEqual([
      { ...redirect, mayHaveBeenProcessed: true },
      { ...redirect, mayHaveBeenProcessed: false },
    ]);
    // Each call reached the server once, at the redirecting URL only. (Only API paths count: the
    // page may still be fetching its favicon.)
    const calls = received.slice(before).filter((r) => r.url.includes('/v5/'));
    expect(calls.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST /redirect/v5/${PROJECT}/quotas/orders`,
      `GET /redirect/v5/${PROJECT}/billing/quotas`,
    ]);
  });
});
