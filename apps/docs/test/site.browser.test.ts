// The built site in a real browser (Debian's Chromium), served the way `pnpm docs` serves it.
// Every operation of the spec must be on the landing page and on its reference page with its
// parameters, request example, response example and both code samples; Redoc's search must find
// it by operationId; and no page may log an error or request anything from another host.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../src/static-server.mjs';
import { launchChromium, openSession, type SiteSession } from './browser-session.js';
import { appDir, expectedOperations, type ExpectedOperation } from './site-expectations.js';

const resultsDir = join(appDir, 'test-results');
let site: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  site = await startStaticServer({ root: join(appDir, 'dist') });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function withSession(run: (session: SiteSession) => Promise<void>) {
  const session = await openSession(browser, site.url);
  try {
    await run(session);
    expect(session.consoleErrors, 'console errors').toEqual([]);
    expect(session.foreignRequests, 'requests to other hosts').toEqual([]);
  } finally {
    await session.context.close();
  }
}

/** Redoc renders an operation into an element whose id is its route without `#/`. */
function operationRoot(page: Page, op: ExpectedOperation) {
  return page.locator(`[id="${op.anchor.slice(2)}"]`);
}

async function expectOperationShown(page: Page, op: ExpectedOperation) {
  // Redoc may append a section anchor (`#/quotas/x#quotas/x/request`).
  await expect.poll(() => new URL(page.url()).hash.split('#')[1]).toBe(op.anchor.slice(1));
  // The heading's accessible name also holds its copy button's label.
  await page.getByRole('heading', { level: 2, name: op.summary }).first().waitFor();
  await expect.poll(() => operationRoot(page, op).count()).toBe(1);
}

describe('landing page', () => {
  it('lists every operation from the spec and links it to its reference entry', async () => {
    await withSession(async ({ page }) => {
      await page.goto(site.url, { waitUntil: 'networkidle' });
      expect(await page.title()).toContain('hwsec');
      for (const op of expectedOperations) {
        const row = page.locator(`tr[data-operation-id="${op.operationId}"]`);
        const cells = (await row.locator('td').allInnerTexts()).map((text) => text.trim());
        expect(cells).toEqual([
          op.service.name,
          op.method.toUpperCase(),
          op.path,
          op.operationId,
          op.summary,
        ]);
      }
      expect(await page.locator('tbody tr').count()).toBe(expectedOperations.length);
      await page.screenshot({ path: join(resultsDir, 'landing.png'), fullPage: true });

      for (const op of expectedOperations) {
        await page.goto(site.url, { waitUntil: 'networkidle' });
        await page.getByRole('link', { name: op.operationId, exact: true }).click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(`/${op.page}`);
        await expectOperationShown(page, op);
      }
      // Each reference page links back from its introduction.
      const back = expectedOperations[0]!;
      await page.goto(`${site.url}${back.page}`, { waitUntil: 'networkidle' });
      await page.getByRole('link', { name: '← All hwsec APIs' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/index.html');
    });
  });
});

describe.each(
  expectedOperations.map((op) => [`${op.service.name} ${op.operationId}`, op] as const),
)('reference page: %s', (_, op) => {
  it('shows the operation with its parameters, request and response examples and both code samples', async () => {
    await withSession(async ({ page }) => {
      await page.goto(`${site.url}${op.page}${op.anchor}`, { waitUntil: 'networkidle' });
      await expectOperationShown(page, op);
      const root = operationRoot(page, op);
      await expect.poll(() => root.innerText()).toContain(`Operation ID ${op.operationId}`);

      for (const name of op.parameterNames) {
        // Redoc lower-cases header names in these ids.
        const parameter = root.locator(
          `[id^="${op.anchor.slice(2)}/t=request&in="][id$="&path=${name}" i]`,
        );
        expect(await parameter.count(), `parameter ${name}`).toBe(1);
        expect(await parameter.innerText()).toContain(name);
        expect(await parameter.isVisible(), `parameter ${name} visible`).toBe(true);
      }

      // The first visible right-hand panel of the operation holds the request samples.
      const samples = root.getByTestId('right-panel').filter({ visible: true }).first();
      const code = samples.getByTestId('source-code').first();
      const curl = await code.innerText();
      expect(curl).toContain(
        `curl${op.method === 'get' ? '' : ` -X ${op.method.toUpperCase()}`} "https://`,
      );
      for (const [field, value] of Object.entries(op.requestExample ?? {})) {
        expect(curl, `request example field ${field}`).toContain(`"${field}": `);
        if (typeof value !== 'object')
          expect(curl).toContain(`"${field}": ${JSON.stringify(value)}`);
      }
      const panelText = await samples.innerText();
      if (op.requestExampleSummaries[0]) expect(panelText).toContain(op.requestExampleSummaries[0]);
      const responses = await root.getByTestId('json-viewer').allInnerTexts();
      for (const field of op.responseExampleFields)
        expect(responses.join('\n')).toContain(`"${field}"`);
      await page.screenshot({
        path: join(resultsDir, `${op.service.id}-${op.operationId}-curl.png`),
      });

      await samples.getByRole('button', { name: 'curl', exact: true }).click();
      await page.getByRole('menuitem', { name: 'TypeScript', exact: true }).click();
      await expect
        .poll(async () => (await code.innerText()).trimEnd())
        .toBe(op.typescriptSample.trimEnd());
      await page.screenshot({
        path: join(resultsDir, `${op.service.id}-${op.operationId}-typescript.png`),
      });
    });
  });

  it("is found by Redoc's search under its operationId", async () => {
    await withSession(async ({ page }) => {
      await page.goto(`${site.url}${op.page}`, { waitUntil: 'networkidle' });
      await page.getByTestId('search-trigger').click();
      await page.keyboard.type(op.operationId);
      const hit = page.locator('[data-component-name="Search/SearchItem"]', {
        hasText: op.summary,
      });
      await hit.first().waitFor();
      await page.screenshot({
        path: join(resultsDir, `${op.service.id}-${op.operationId}-search.png`),
      });
      await hit.first().click();
      await expectOperationShown(page, op);
    });
  });
});
