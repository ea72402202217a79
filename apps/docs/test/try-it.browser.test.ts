// The Try it console in a real browser (Debian's Chromium) against the real mock, in every
// language: every operation of every registered API sends its prefilled example, signed with
// AK/SK in the page by @hwsec/core, and gets a 2xx from the mock checking signatures; a wrong SK
// gets the gateway's 401; an invalid body is refused before anything is sent; the secret is in
// nothing but its input; an order for a remote host needs a confirmation; the panel reads in the
// page's language, works from the keyboard, and axe-core finds no serious violation in it.
// One browser, one mock and one page per API and language: operations are iterated in the page.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '@hwsec/mock';
import { readApiRegistry } from '@hwsec/spec';
import { parse } from 'yaml';
import { bundleFile } from '../src/bundles.mjs';
import { defaultServerUrl } from '../src/operations.mjs';
import { referencePage } from '../src/pages.mjs';
import { services } from '../src/services.mjs';
import { siteLanguages } from '../src/site-languages.mjs';
import { startStaticServer } from '../src/static-server.mjs';
import { consoleData } from '../src/try-it/operation-data.mjs';
import { launchChromium } from './browser-session.js';
import { appDir } from './site-expectations.js';

const AK = 'AKTRYITCONSOLE000001';
const SK = 'SKtryitConsoleSecret0000000000000000000001';
const STS = 'STStryitConsoleSecurityToken0000000000002';
const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const resultsDir = join(appDir, 'test-results');

let site: Awaited<ReturnType<typeof startStaticServer>>;
let mock: RunningMock;
let browser: Browser;
/** Requests the mock received (method and path), to prove what was not sent. */
const received: string[] = [];

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  site = await startStaticServer({ root: join(appDir, 'dist') });
  const ports = Object.fromEntries(readApiRegistry().ids.map((id) => [id, 0]));
  [mock, browser] = await Promise.all([
    startMock({
      ports,
      verifySignatures: true,
      credentials: [{ accessKey: AK, secretKey: SK }],
      corsOrigins: [new URL(site.url).origin],
      onRequest: (entry) => received.push(`${entry.method} ${entry.path}`),
    }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await mock?.close();
  await site?.close();
});

interface ConsolePage {
  page: Page;
  consoleText: string[];
  errors: string[];
  close(): Promise<void>;
}

/** A reference page in a fresh context; only the site and the mock are reachable. */
async function openReference(path: string): Promise<ConsolePage> {
  const allowed = new Set([
    new URL(site.url).origin,
    ...Object.values(mock.urls).map((url) => new URL(url!).origin),
  ]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const local = (url: string) =>
    url.startsWith('data:') || url.startsWith('blob:') || allowed.has(new URL(url).origin);
  await context.route(
    (url) => !local(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  const consoleText: string[] = [];
  const errors: string[] = [];
  context.on('console', (message) => {
    consoleText.push(message.text());
    // A blocked remote host is the point of the remote-target check, not an error of the page.
    // Chromium logs every 4xx answer and blocked request as an error of its own; those are the
    // answers under test, not errors of the page.
    if (
      message.type() === 'error' &&
      !/^Failed to load resource|ERR_BLOCKED_BY_CLIENT/.test(message.text())
    )
      errors.push(message.text());
  });
  context.on('weberror', (error) => errors.push(`uncaught: ${error.error().message}`));
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`);
  return { page, consoleText, errors, close: () => context.close() };
}

/** Routes Redoc to the operation; its section then carries the console's button. */
async function showOperation(page: Page, anchor: string) {
  await page.evaluate((route) => {
    location.hash = route;
  }, `/${anchor}`);
  const button = page.locator(`[id="${anchor}"] .hwsec-try-open`);
  await button.waitFor();
  return button;
}

/** Opens the console from the operation's own button in Redoc's section. */
async function openOperation(page: Page, anchor: string) {
  const button = await showOperation(page, anchor);
  await button.click();
  await page.locator('#hwsec-try-dialog[open]').waitFor();
}

async function fillCredentials(page: Page, secretKey = SK) {
  await page.check('#hwsec-try-auth-aksk');
  await page.fill('#hwsec-try-ak', AK);
  await page.fill('#hwsec-try-sk', secretKey);
}

/** Sends and waits for the answer (or the typed error) to be shown. */
async function send(page: Page) {
  const status = page.locator('#hwsec-try-status');
  const problems = page.locator('#hwsec-try-problems');
  await page.click('#hwsec-try-send');
  await expect
    .poll(async () => `${await status.innerText()}${await problems.innerText()}`)
    .toMatch(/^\d{3}$|: /);
  expect(await problems.innerText(), 'refused before sending').toBe('');
  return status.innerText();
}

async function close(page: Page) {
  await page.keyboard.press('Escape');
  await page.locator('#hwsec-try-dialog[open]').waitFor({ state: 'detached' });
}

function consoleOf(service: (typeof services)[number], language: (typeof siteLanguages)[number]) {
  return consoleData(parse(readFileSync(bundleFile(service, language), 'utf8')), service);
}

/** An account id for global services' AK/SK calls (signed as X-Domain-Id). */
const DOMAIN_ID = 'd0c0ffee0000000000000000000000d1';

/** Sends every operation's prefilled example to the mock, signed with AK/SK: each gets a 2xx. */
async function expectEveryOperationAnswered(
  page: Page,
  service: (typeof services)[number],
  operations: ReturnType<typeof consoleOf>['operations'],
  global: boolean,
) {
  const base = mock.urls[service.id]!;
  for (const [index, op] of operations.entries()) {
    await openOperation(page, op.anchor);
    // The default target is the registry's port (this mock runs on a free one); the reader's
    // own target is kept from one operation to the next.
    expect(await page.inputValue('#hwsec-try-target')).toBe(
      index === 0 ? `http://127.0.0.1:${service.mockPort}` : base,
    );
    await page.fill('#hwsec-try-target', base);
    await fillCredentials(page);
    // Only a global service's page offers the account id.
    expect(await page.locator('#hwsec-try-domain').isVisible()).toBe(global);
    if (global && index === 0) {
      // A header value is checked before anything is signed or sent.
      await page.fill('#hwsec-try-domain', 'not an id');
      const before = received.length;
      await page.click('#hwsec-try-send');
      await expect
        .poll(() => page.locator('#hwsec-try-problems').innerText())
        .toMatch(/\(domain\) ID: |（domain）ID: /);
      expect(received.length, 'nothing reached the mock').toBe(before);
    }
    if (global) await page.fill('#hwsec-try-domain', DOMAIN_ID);
    const status = await send(page);
    const answer = await page.locator('#hwsec-try-response').innerText();
    expect(status, `${op.operationId}: ${answer}`).toMatch(/^2\d\d$/);
    const sent = await page.locator('#hwsec-try-sent').innerText();
    expect(sent).toContain(`${op.method} ${base}`);
    expect(sent).toMatch(
      /authorization: SDK-HMAC-SHA256 Access=•+, SignedHeaders=\S+, Signature=•+/,
    );
    expect(sent).toContain('x-sdk-date: ');
    if (global) {
      expect(sent).toContain(`x-domain-id: ${DOMAIN_ID}`);
      expect(sent).toMatch(/SignedHeaders=\S*x-domain-id/);
    }
    expect(await page.locator('#hwsec-try-request-id').innerText()).toMatch(/^[0-9a-f]{32}$/);
    expect(await page.locator('#hwsec-try-time').innerText()).toMatch(/^\d+ ms$/);
    // curl cannot sign AK/SK: the command's first line says it sends a token instead.
    expect(await page.locator('#hwsec-try-curl').innerText()).toMatch(
      new RegExp(`^# .*IAM.*\\ncurl -X ${op.method} '${base}`),
    );
    expect(await page.locator('#hwsec-try-typescript').innerText()).toContain(
      service.clientPackage ? `from '${service.clientPackage}'` : "from '@hwsec/core'",
    );
    await close(page);
  }
}

const [firstApi] = readApiRegistry().ids;

describe.each(siteLanguages.map((language) => [language.code, language] as const))(
  'the Try it console in %s',
  (_code, language) => {
    const chinese = language.folder !== '';
    describe.each(services.map((service) => [service.id, service] as const))(
      'on the %s page',
      (_id, service) => {
        const { operations, service: described } = consoleOf(service, language);
        let session: ConsolePage;
        let page: Page;
        beforeAll(async () => {
          session = await openReference(`${language.folder}${referencePage(service)}`);
          page = session.page;
        });
        afterAll(async () => {
          expect(session.errors, 'errors of the page').toEqual([]);
          await session?.close();
        });

        it('every operation sends its prefilled example, signed, and gets a 2xx', async () => {
          await expectEveryOperationAnswered(page, service, operations, described.global);
          // The panel speaks the page's language.
          const withParameters = operations.find((op) => op.parameters.length > 0);
          await openOperation(page, (withParameters ?? operations[0]!).anchor);
          const labels = chinese
            ? ['凭证', '基础 URL', '发送', '秘密访问密钥（SK）']
            : ['Credentials', 'Base URL', 'Send', 'Secret key (SK)'];
          if (withParameters) labels.push(chinese ? '参数' : 'Parameters');
          const shown = await page.locator('#hwsec-try-dialog').innerText();
          for (const label of labels) expect(shown).toContain(label);
          expect(await page.locator('.hwsec-try-open').first().innerText()).toBe(
            chinese ? '试用' : 'Try it',
          );
          await close(page);
        });

        // The rules below hold for every API alike (one console script): checked on one page.
        if (service.id !== firstApi) return;
        const order = operations.find((op) => op.order && op.body)!;

        it('shows the gateway 401 for a wrong SK', async () => {
          await openOperation(page, order.anchor);
          await page.fill('#hwsec-try-target', mock.urls[service.id]!);
          await fillCredentials(page, `${SK}x`);
          expect(await send(page)).toBe('401');
          expect(await page.locator('#hwsec-try-response').innerText()).toMatch(
            /"error_code": "APIG\.\d+"/,
          );
          await close(page);
        });

        it('refuses an invalid body before sending, naming the field', async () => {
          await openOperation(page, order.anchor);
          await page.fill('#hwsec-try-target', mock.urls[service.id]!);
          await fillCredentials(page);
          const body = JSON.parse(await page.inputValue('#hwsec-try-body'));
          const [field] = Object.entries(
            order.body!.schema.properties as Record<string, { type?: string }>,
          ).find(([, schema]) => schema.type === 'integer')!;
          await page.fill('#hwsec-try-body', JSON.stringify({ ...body, [field]: 'many' }));
          const before = received.length;
          await page.click('#hwsec-try-send');
          const problems = page.locator('#hwsec-try-problems');
          await expect.poll(() => problems.innerText()).toContain(`body.${field}: `);
          expect(await problems.innerText()).toContain(chinese ? '类型必须为' : 'must be of type');
          await page.fill('#hwsec-try-body', '{ not json');
          await page.click('#hwsec-try-send');
          await expect.poll(() => problems.innerText()).toMatch(/^body: /);
          expect(received.length, 'nothing reached the mock').toBe(before);
          await close(page);
        });

        it('explains a remote target in the page language; an order there needs a confirmation', async () => {
          // The API's real host (its first server, variables at their defaults).
          const server = defaultServerUrl(
            parse(readFileSync(bundleFile(service, language), 'utf8')),
          );
          await openOperation(page, order.anchor);
          await fillCredentials(page);
          await page.fill('#hwsec-try-target', server);
          const note = page.locator('#hwsec-try-remote');
          await note.waitFor();
          expect(await note.innerText()).toContain(chinese ? 'CORS 头' : 'send no CORS headers');
          await page.click('#hwsec-try-send');
          await expect
            .poll(() => page.locator('#hwsec-try-problems').innerText())
            .toContain(chinese ? '确认' : 'Confirm the order');
          await page.check('#hwsec-try-confirm');
          expect(await send(page)).toMatch(/: network$/);
          const shown = await page.locator('#hwsec-try-response').innerText();
          expect(shown).toContain('mayHaveBeenProcessed: ');
          expect(shown).toContain(chinese ? '浏览器无法调用' : 'A browser cannot call');
          expect(await page.locator('#hwsec-try-curl').innerText()).toContain(
            `curl -X ${order.method} '${server}`,
          );
          await close(page);
        });

        it('works from the keyboard, and axe-core finds no serious violation in the panel', async () => {
          const [op] = operations;
          const button = await showOperation(page, op!.anchor);
          await button.focus();
          await page.keyboard.press('Enter');
          await page.locator('#hwsec-try-dialog[open]').waitFor();
          expect(await page.evaluate(() => document.activeElement?.id)).toBe('hwsec-try-operation');
          await page.fill('#hwsec-try-target', mock.urls[service.id]!);
          await fillCredentials(page);
          await page.focus('#hwsec-try-send');
          await page.keyboard.press('Enter');
          await expect.poll(() => page.locator('#hwsec-try-status').innerText()).toMatch(/^2\d\d$/);
          await page.screenshot({ path: join(resultsDir, `try-it.${language.code}.png`) });
          await page.addScriptTag({ path: axeScript });
          const violations = await page.evaluate(async () => {
            type Axe = {
              run(context: string): Promise<{
                violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
              }>;
            };
            const { violations } = await (window as unknown as { axe: Axe }).axe.run(
              '#hwsec-try-dialog',
            );
            return violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          });
          expect(violations).toEqual([]);
          await page.keyboard.press('Escape');
          await page.locator('#hwsec-try-dialog[open]').waitFor({ state: 'detached' });
          expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
        });

        if (chinese) return;
        it('keeps the secrets in their inputs only: not in the DOM, storage, URL or console', async () => {
          const [op] = operations;
          await openOperation(page, op!.anchor);
          await page.fill('#hwsec-try-target', mock.urls[service.id]!);
          await fillCredentials(page);
          await page.fill('#hwsec-try-sts', STS);
          expect(await send(page)).toMatch(/^2\d\d$/);
          expect(await page.locator('#hwsec-try-sent').innerText()).toContain(
            'x-security-token: ••',
          );
          await page.check('#hwsec-try-auth-token');
          await page.fill('#hwsec-try-token', `${STS}-token`);
          expect(await send(page)).toMatch(/^2\d\d$/);
          expect(await page.locator('#hwsec-try-sent').innerText()).toContain('x-auth-token: ••');
          const exposed = await page.evaluate(() => ({
            html: document.documentElement.outerHTML,
            text: document.body.innerText,
            storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
            url: location.href,
            cookies: document.cookie,
          }));
          for (const secret of [AK, SK, STS, `${STS}-token`])
            for (const [where, value] of Object.entries(exposed))
              expect(value.includes(secret), `${where} holds a secret`).toBe(false);
          expect(session.consoleText.join('\n')).not.toMatch(new RegExp(`${AK}|${SK}`));
          // The inputs do hold them (the checks above would pass on an empty form).
          expect(await page.inputValue('#hwsec-try-sk')).toBe(SK);
          expect(await page.inputValue('#hwsec-try-token')).toBe(`${STS}-token`);
          await page.check('#hwsec-try-auth-aksk');
          await close(page);
        });
      },
    );
  },
);
