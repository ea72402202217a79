// What the site's browser tests share: the built site served and Chromium launched once per test
// file, a context whose page the tests of a describe walk in order, and the checks of an
// operation's place on a Redoc page. The tests are split over files by what they check so that
// vitest runs them side by side: each waits mostly on Chromium, not on a core.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startStaticServer } from '../src/static-server.mjs';
import { launchChromium, missingGlyphs, openSession, type SiteSession } from './browser-session.js';
import { appDir, type ExpectedOperation, type SiteLanguage } from './site-expectations.js';

/** What locating an operation in a Redoc page needs. */
export type RoutedOperation = Pick<ExpectedOperation, 'page' | 'anchor' | 'summary'>;

/** An operation on a Redoc page in one language, as the walks below visit it. */
export type WalkedOperation = RoutedOperation & { language: SiteLanguage; operationId: string };

export const resultsDir = join(appDir, 'test-results');
/** The file's static server of the built site and its Chromium (one of each per test file). */
export const site = { url: '' };
let server: Awaited<ReturnType<typeof startStaticServer>> | undefined;
let browser: Browser;

/** Serves the built site and launches Chromium for the test file that calls it. */
export function useSite() {
  beforeAll(async () => {
    mkdirSync(resultsDir, { recursive: true });
    server = await startStaticServer({ root: join(appDir, 'dist') });
    site.url = server.url;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

export async function withSession(run: (session: SiteSession) => Promise<void>) {
  const session = await openSession(browser, site.url);
  try {
    await run(session);
    expect(session.consoleErrors, 'console errors').toEqual([]);
    expect(session.foreignRequests, 'requests to other hosts').toEqual([]);
  } finally {
    await session.context.close();
  }
}

/**
 * Runs the checks of one operation in one language; a failure names both, since one test now
 * covers every operation of a page.
 */
export async function checking(op: WalkedOperation, run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof Error)
      error.message = `${op.language.name} ${op.operationId} (${op.page}${op.anchor}): ${error.message}`;
    throw error;
  }
}

/** Redoc renders an operation into an element whose id is its route without `#/`. */
export function operationRoot(page: Page, op: RoutedOperation) {
  return page.locator(`[id="${op.anchor.slice(2)}"]`);
}

export async function expectOperationShown(page: Page, op: RoutedOperation) {
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/${op.page}`);
  // Redoc may append a section anchor (`#/quotas/x#quotas/x/request`).
  await expect.poll(() => new URL(page.url()).hash.split('#')[1]).toBe(op.anchor.slice(1));
  // The heading's accessible name also holds its copy button's label.
  await page.getByRole('heading', { level: 2, name: op.summary }).first().waitFor();
  await expect.poll(() => operationRoot(page, op).count()).toBe(1);
}

/**
 * Opens the operation's URL (the one the landing and flow pages link to). On the page already
 * open this changes only the hash: the browser stays on the document and Redoc routes to it.
 */
export async function openOperation(page: Page, op: RoutedOperation) {
  const sameDocument = new URL(page.url()).pathname === `/${op.page}`;
  await page.goto(`${site.url}${op.page}${op.anchor}`, {
    waitUntil: sameDocument ? 'commit' : 'networkidle',
  });
  await expectOperationShown(page, op);
}

/** Redoc's route of the page's introduction, where a page opened without an anchor starts. */
export async function openIntroduction(page: Page, op: RoutedOperation) {
  await page.goto(`${site.url}${op.page}#/`);
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/${op.page}`);
}

export async function expectPageLanguage(page: Page, language: SiteLanguage) {
  expect(await page.locator('html').getAttribute('lang')).toBe(language.code);
}

/**
 * One context for the tests of a describe, which run in order on its page: each goes on from
 * where the previous one left the page, so a Redoc page is loaded once, not once per test.
 * Errors of the page are checked after each test, so a failure names the test that caused it.
 */
export function sharedSession() {
  let session: SiteSession | undefined;
  beforeAll(async () => {
    session = await openSession(browser, site.url);
  });
  afterEach(() => {
    const errors = session!.consoleErrors.splice(0);
    const foreign = session!.foreignRequests.splice(0);
    expect(errors, 'console errors').toEqual([]);
    expect(foreign, 'requests to other hosts').toEqual([]);
  });
  afterAll(async () => {
    await session?.context.close();
  });
  return () => session!.page;
}

/**
 * Tests every operation of a Redoc page in every language, each page load landing on an
 * operation to check: an operation is reached by its anchor on the page already open, then the
 * language link loads the other language's page at the same operation. The direction alternates
 * from one operation to the next and a last switch goes back, so the switch is exercised both
 * ways on every page (and both ways on the operation of a page that has only one). Each test
 * first opens its starting operation by URL, which costs nothing when the previous test left the
 * page there and recovers the walk when it failed.
 */
export function walkInEveryLanguage<T extends WalkedOperation>(
  page: () => Page,
  operations: T[],
  inOtherLanguage: (op: T) => T,
  shows: string,
  check: (page: Page, op: T) => Promise<void>,
) {
  const starts = operations.map((op, index) => (index % 2 === 0 ? op : inOtherLanguage(op)));
  for (const from of starts) {
    const to = inOtherLanguage(from);
    it(`${from.operationId} in ${from.language.name}: ${shows}`, async () => {
      await checking(from, async () => {
        await openOperation(page(), from);
        await check(page(), from);
      });
    });
    it(`${from.operationId}: the switch to ${to.language.name} keeps it, and there ${shows}`, async () => {
      await checking(from, () => openOperation(page(), from));
      await checking(to, async () => {
        await page().getByRole('link', { name: to.language.name, exact: true }).click();
        await expectOperationShown(page(), to);
        await check(page(), to);
      });
    });
  }
  const last = inOtherLanguage(starts.at(-1)!);
  const back = inOtherLanguage(last);
  it(`${last.operationId}: the switch back to ${back.language.name} keeps it`, async () => {
    await checking(last, () => openOperation(page(), last));
    await checking(back, async () => {
      await page().getByRole('link', { name: back.language.name, exact: true }).click();
      await expectOperationShown(page(), back);
      await expectPageLanguage(page(), back.language);
    });
  });
}

/** Each parameter of the operation is listed, visible, in Redoc's request section. */
export async function expectParametersShown(page: Page, op: RoutedOperation, names: string[]) {
  const root = operationRoot(page, op);
  for (const name of names) {
    // Redoc lower-cases header names in these ids.
    const parameter = root.locator(
      `[id^="${op.anchor.slice(2)}/t=request&in="][id$="&path=${name}" i]`,
    );
    expect(await parameter.count(), `parameter ${name}`).toBe(1);
    expect(await parameter.innerText()).toContain(name);
    expect(await parameter.isVisible(), `parameter ${name} visible`).toBe(true);
  }
}

export async function expectAllGlyphs(page: Page) {
  expect(await missingGlyphs(page), 'characters drawn as a missing-glyph box').toEqual([]);
}

/** The link's target as the browser resolves it. */
export function linkTarget(link: Locator) {
  return link.evaluate((element) => (element as HTMLAnchorElement).href);
}
