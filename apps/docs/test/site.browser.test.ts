// The built site in a real browser (Debian's Chromium), served the way `pnpm site` serves it, in
// every language (English at /, Chinese at /zh-CN/). Every operation of the spec must be on the
// landing page and on its reference page with its parameters, response example and every code
// sample (TypeScript first, one per named request example, then the call against the local mock;
// none cut off, its panel's header whole at 1280 px, comments in the page's language); Redoc's own
// labels must be in the page's language; Redoc's search must find it by operationId; the language
// switch must keep the reader on the same operation; every character must have a glyph; and no
// page may log an error or request anything from another host.
//
// A Redoc page load costs one to two CPU-seconds, and the suite shares two cores with the rest
// of `pnpm test`: each Redoc page is opened once and its operations are reached on that page
// by their anchors (a same-document navigation, as a reader's click in Redoc's menu), and the
// language switch (a real page load) lands on the next operation to check.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { flowPage } from '../src/pages.mjs';
import { readRedocLabels } from '../src/redoc-labels.mjs';
import { services } from '../src/services.mjs';
import { siteLanguages } from '../src/site-languages.mjs';
import { startStaticServer } from '../src/static-server.mjs';
import { untranslatedTexts } from '../src/untranslated-text.mjs';
import { launchChromium, missingGlyphs, openSession, type SiteSession } from './browser-session.js';
import {
  appDir,
  counterpart,
  expectedFlowPages,
  expectedOperations,
  type ExpectedControlOperation,
  type ExpectedOperation,
  type SiteLanguage,
} from './site-expectations.js';

/** What locating an operation in a Redoc page needs. */
type RoutedOperation = Pick<ExpectedOperation, 'page' | 'anchor' | 'summary'>;

/** An operation on a Redoc page in one language, as the walks below visit it. */
type WalkedOperation = RoutedOperation & { language: SiteLanguage; operationId: string };

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

/**
 * Runs the checks of one operation in one language; a failure names both, since one test now
 * covers every operation of a page.
 */
async function checking(op: WalkedOperation, run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof Error)
      error.message = `${op.language.name} ${op.operationId} (${op.page}${op.anchor}): ${error.message}`;
    throw error;
  }
}

/** Redoc renders an operation into an element whose id is its route without `#/`. */
function operationRoot(page: Page, op: RoutedOperation) {
  return page.locator(`[id="${op.anchor.slice(2)}"]`);
}

async function expectOperationShown(page: Page, op: RoutedOperation) {
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
async function openOperation(page: Page, op: RoutedOperation) {
  const sameDocument = new URL(page.url()).pathname === `/${op.page}`;
  await page.goto(`${site.url}${op.page}${op.anchor}`, {
    waitUntil: sameDocument ? 'commit' : 'networkidle',
  });
  await expectOperationShown(page, op);
}

/** Redoc's route of the page's introduction, where a page opened without an anchor starts. */
async function openIntroduction(page: Page, op: RoutedOperation) {
  await page.goto(`${site.url}${op.page}#/`);
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/${op.page}`);
}

async function expectPageLanguage(page: Page, language: SiteLanguage) {
  expect(await page.locator('html').getAttribute('lang')).toBe(language.code);
}

/**
 * One context for the tests of a describe, which run in order on its page: each goes on from
 * where the previous one left the page, so a Redoc page is loaded once, not once per test.
 * Errors of the page are checked after each test, so a failure names the test that caused it.
 */
function sharedSession() {
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
function walkInEveryLanguage<T extends WalkedOperation>(
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
async function expectParametersShown(page: Page, op: RoutedOperation, names: string[]) {
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

async function expectAllGlyphs(page: Page) {
  expect(await missingGlyphs(page), 'characters drawn as a missing-glyph box').toEqual([]);
}

describe('missing-glyph check', () => {
  it('sees a character no installed font can draw', async () => {
    await withSession(async ({ page }) => {
      await page.goto(`${site.url}zh-CN/`, { waitUntil: 'networkidle' });
      await page.evaluate(() => {
        const probe = document.createElement('p');
        probe.textContent = 'hwsec \u{10FFFC}';
        document.body.append(probe);
      });
      expect(await missingGlyphs(page)).toEqual(['\u{10FFFC}']);
    });
  });
});

/** A code block shows all of its text: wrapped, never cut off at the panel's edge. */
async function expectNotClipped(code: Locator, what: string) {
  const { scrollWidth, clientWidth } = await code.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
  }));
  expect(scrollWidth, `${what} is wider than its panel`).toBeLessThanOrEqual(clientWidth);
}

/** The link's target as the browser resolves it. */
function linkTarget(link: Locator) {
  return link.evaluate((element) => (element as HTMLAnchorElement).href);
}

describe.each(siteLanguages.map((language) => [language.name, language] as const))(
  'landing page (%s)',
  (_, language) => {
    const operations = expectedOperations.filter((op) => op.language === language);

    it('lists every operation from the spec', async () => {
      await withSession(async ({ page }) => {
        const landing = `${site.url}${language.folder}`;
        await page.goto(landing, { waitUntil: 'networkidle' });
        expect(await page.title()).toContain('hwsec');
        await expectPageLanguage(page, language);
        for (const op of operations) {
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
        expect(await page.locator('tbody tr').count()).toBe(operations.length);
        await expectAllGlyphs(page);
        await page.screenshot({
          path: join(resultsDir, `landing-${language.code}.png`),
          fullPage: true,
        });
      });
    });

    // Each link's target is the URL the reference walk below opens and checks; following one
    // proves the landing page's links lead there.
    it('links every operation to its reference entry, and the reference page links back', async () => {
      await withSession(async ({ page }) => {
        await page.goto(`${site.url}${language.folder}`, { waitUntil: 'networkidle' });
        for (const op of operations) {
          const link = page.getByRole('link', { name: op.operationId, exact: true });
          expect(await linkTarget(link), op.operationId).toBe(`${site.url}${op.page}${op.anchor}`);
        }
        const [followed] = operations;
        await checking(followed!, async () => {
          await page.getByRole('link', { name: followed!.operationId, exact: true }).click();
          await expectOperationShown(page, followed!);
          // Each reference page links back from its introduction.
          await openIntroduction(page, followed!);
          await page.getByRole('link', { name: language.text.backLink }).click();
          await expect
            .poll(() => new URL(page.url()).pathname)
            .toBe(`/${language.folder}index.html`);
        });
      });
    });

    it('switches to the landing page of every other language and back', async () => {
      await withSession(async ({ page }) => {
        await page.goto(`${site.url}${language.folder}`, { waitUntil: 'networkidle' });
        for (const other of siteLanguages.filter((l) => l !== language)) {
          await page.getByRole('link', { name: other.name, exact: true }).click();
          await expect.poll(() => new URL(page.url()).pathname).toBe(`/${other.folder}index.html`);
          expect(await page.locator('html').getAttribute('lang')).toBe(other.code);
          await page.getByRole('link', { name: language.name, exact: true }).click();
          await expect
            .poll(() => new URL(page.url()).pathname)
            .toBe(`/${language.folder}index.html`);
        }
      });
    });
  },
);

/** Picks a sample from the panel's dropdown, which shows the current one's label. */
async function pickSample(page: Page, samples: Locator, current: string, label: string) {
  await samples.getByRole('button', { name: current, exact: true }).click();
  // The menu opens outside the panel; Redoc may render a second copy of its items. The caller's
  // check of this panel's code or header proves the right sample was picked.
  await page
    .getByRole('menuitem', { name: label, exact: true })
    .filter({ visible: true })
    .first()
    .click();
}

/**
 * The operation, open at its route: its parameters, Redoc's labels, its response example and
 * every code sample. Ends on the first sample again, which a reader who has not picked one sees.
 */
async function expectReferenceEntry(page: Page, op: ExpectedOperation) {
  await expectPageLanguage(page, op.language);
  const root = operationRoot(page, op);
  await expect
    .poll(() => root.innerText())
    .toContain(`${op.language.text.operationId} ${op.operationId}`);

  await expectParametersShown(page, op, op.parameterNames);
  await expectRedocLabelsIn(page, op.language);
  const responses = await root.getByTestId('json-viewer').allInnerTexts();
  for (const field of op.responseExampleFields)
    expect(responses.join('\n')).toContain(`"${field}"`);

  // The first visible right-hand panel of the operation holds the request samples.
  const samples = root.getByTestId('right-panel').filter({ visible: true }).first();
  const code = samples.getByTestId('source-code').first();
  const [first] = op.samples;
  // Untouched, the panel shows the first sample, TypeScript (each operation is reached with no
  // sample picked on it, and the previous one was left on its first sample).
  await samples.getByRole('button', { name: first!.label, exact: true }).waitFor();
  await expectAllGlyphs(page);
  await page.screenshot({
    path: join(resultsDir, `${op.language.code}-${op.service.id}-${op.operationId}.png`),
  });

  let current = first!.label;
  for (const sample of op.samples) {
    if (sample.label !== current) {
      await pickSample(page, samples, current, sample.label);
      current = sample.label;
    }
    if (sample.typescript !== undefined) {
      await expect
        .poll(async () => (await code.innerText()).trimEnd())
        .toBe(sample.typescript.trimEnd());
    } else {
      await expect
        .poll(() => code.innerText())
        .toContain(
          `curl${op.method === 'get' ? '' : ` -X ${op.method.toUpperCase()}`} "${sample.origin}`,
        );
      const curl = await code.innerText();
      for (const [field, value] of Object.entries(sample.body ?? {})) {
        expect(curl, `${sample.label}: request field ${field}`).toContain(`"${field}": `);
        if (typeof value !== 'object')
          expect(curl).toContain(`"${field}": ${JSON.stringify(value)}`);
      }
    }
    expectSampleInLanguage(op, sample.label, await code.innerText());
    await expectNotClipped(code, sample.label);
    await expectNotClipped(
      samples.locator('[data-component-name="Panel/PanelHeader"]').first(),
      `the header above ${sample.label}`,
    );
    await expectHeaderShownWhole(samples, op.path, sample.label);
  }
  if (current !== first!.label) {
    await pickSample(page, samples, current, first!.label);
    await samples.getByRole('button', { name: first!.label, exact: true }).waitFor();
  }
}

/** Redoc's search, from the page's search box: the hit for the operationId leads to it. */
async function expectFoundBySearch(page: Page, op: ExpectedOperation) {
  await page.getByTestId('search-trigger').click();
  const box = page.locator('input:focus');
  await box.fill('');
  await page.keyboard.type(op.operationId);
  const hit = page.locator('[data-component-name="Search/SearchItem"]', { hasText: op.summary });
  await hit.first().waitFor();
  await hit.first().click();
  await expectOperationShown(page, op);
}

describe.each(services.map((service) => [service.name, service] as const))(
  'reference pages of %s',
  (_, service) => {
    const page = sharedSession();
    const operations = expectedOperations.filter((op) => op.service === service);
    const [firstLanguage, ...otherLanguages] = siteLanguages;

    // From the page's introduction, as a reader arriving without an anchor searches; each
    // search leads away from the operation the previous one found.
    const searchesIn = (language: SiteLanguage) =>
      it(`Redoc's search finds every operation under its operationId in ${language.name}`, async () => {
        const inLanguage = operations.filter((op) => op.language === language);
        await page().goto(`${site.url}${inLanguage[0]!.page}`, { waitUntil: 'networkidle' });
        for (const op of inLanguage) await checking(op, () => expectFoundBySearch(page(), op));
      });

    // Searched on the first language's page first: the walk then starts on the page already open.
    searchesIn(firstLanguage!);
    walkInEveryLanguage(
      page,
      operations.filter((op) => op.language === firstLanguage),
      counterpart,
      'shows the operation, its parameters, its response example and every code sample, TypeScript first',
      expectReferenceEntry,
    );
    for (const language of otherLanguages) searchesIn(language);
  },
);

/** Redoc's labels of the translated language, with the English they replace. */
const translatedLanguage = siteLanguages.find((language) => language.folder)!;
const redocLabels = readRedocLabels(join(appDir, 'templates'), translatedLanguage);
const requestLabel = redocLabels.find((label) => label.key === 'request')!;

/** Every visible text of the page that stands alone in its element (a label, a heading). */
async function standaloneTexts(page: Page) {
  return page.evaluate(() => {
    const texts = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.closest('pre, code') || !element.checkVisibility()) continue;
      const text = (element.textContent ?? '').trim();
      if (text) texts.add(text);
    }
    return [...texts];
  });
}

/**
 * Redoc's own interface is in the page's language: on a translated page none of its English
 * labels is left (the search box's "Loading..." included); the English page shows them, which is
 * what the check looks for.
 */
async function expectRedocLabelsIn(page: Page, language: (typeof siteLanguages)[number]) {
  const texts = await standaloneTexts(page);
  if (!language.folder) {
    expect(texts).toContain(requestLabel.en);
    return;
  }
  expect(texts).toContain(requestLabel.zh);
  const english = new Set(redocLabels.filter((l) => l.en !== l.zh).map((l) => l.en.trim()));
  expect(
    texts.filter((text) => english.has(text)),
    'Redoc labels left in English',
  ).toEqual([]);
}

/**
 * The sample panel's header names the operation's path and the sample's label in full: no part
 * of either is cut off or hidden behind an ellipsis.
 */
async function expectHeaderShownWhole(samples: Locator, path: string, label: string) {
  const buttons = await samples
    .locator('[data-component-name="Panel/PanelHeader"]')
    .first()
    .locator(':scope > [data-component-name="Dropdown/Dropdown"] > button')
    .evaluateAll((elements) =>
      elements.map((button) => ({
        text: (button as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        clipped: [button, ...button.querySelectorAll('*')].some(
          (element) => element.scrollWidth > element.clientWidth + 1,
        ),
      })),
    );
  expect(buttons.map((button) => button.text)).toEqual([
    expect.stringContaining(path),
    expect.stringContaining(label),
  ]);
  expect(
    buttons.filter((button) => button.clipped),
    `cut off above ${label}`,
  ).toEqual([]);
}

/**
 * A sample's comments are in the page's language (no English sentence on a translated page),
 * and where the service answers in that language the sample asks for it.
 */
function expectSampleInLanguage(op: ExpectedOperation, label: string, source: string) {
  if (op.language.folder) {
    const comments = source
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith('//') || line.startsWith('#'));
    expect(
      comments.flatMap((line) => untranslatedTexts(line)),
      `${label}: English comments`,
    ).toEqual([]);
  }
  if (op.apiLanguage) {
    const { header, value } = op.apiLanguage;
    expect(source, `${label} asks for ${value}`).toContain(
      label.startsWith('TypeScript') ? `'${value}'` : `-H "${header}: ${value}"`,
    );
  }
}

/** Text as a reader gets it: whitespace runs as one space. */
function collapsed(text: string) {
  return text.replace(/\s+/g, ' ').trim();
}

/** The same control operation in the other language. */
function controlCounterpart(op: ExpectedControlOperation) {
  const other = expectedFlowPages
    .find((pages) => pages.language !== op.language)
    ?.controlOperations.find((candidate) => candidate.operationId === op.operationId);
  if (!other) throw new Error(`${op.operationId} is missing in a language`);
  return other;
}

// The control reference is checked by opening each operation on its route: Redoc 3 renders no
// operation at a page's root (tags start closed), so a text search there finds none of them.
describe.each(expectedFlowPages.map((pages) => [pages.language.name, pages] as const))(
  'Testing a flow and the mock control API reference (%s)',
  (_, pages) => {
    const { language } = pages;

    it("is linked from the landing page and shows the README's commands and rules and the example byte for byte", async () => {
      await withSession(async ({ page }) => {
        await page.goto(`${site.url}${language.folder}`, { waitUntil: 'networkidle' });
        await page.locator('main a[href="testing-a-flow.html"]').click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(`/${pages.flow}`);
        expect(await page.locator('html').getAttribute('lang')).toBe(language.code);
        expect(await page.locator('#flow-example code').textContent()).toBe(pages.example);
        expect(await page.locator('#lost-answer-example code').textContent()).toBe(
          pages.lostAnswerExample,
        );
        expect(await page.locator('#start-commands code').textContent()).toBe(pages.startCommands);
        const rules = page.locator('#mock-rules');
        const expectedRules = await page.evaluate((html) => {
          const container = document.createElement('div');
          container.innerHTML = html;
          return container.textContent ?? '';
        }, pages.rulesHtml);
        expect(collapsed((await rules.textContent()) ?? '')).toBe(collapsed(expectedRules));
        expect(await rules.locator('table tbody tr').count()).toBeGreaterThan(0);
        for (const op of pages.controlOperations) {
          const cells = await page
            .locator(`tr[data-operation-id="${op.operationId}"] td`)
            .allInnerTexts();
          expect(cells.map((text) => text.trim())).toEqual([
            op.method.toUpperCase(),
            op.path,
            op.operationId,
          ]);
        }
        expect(await page.locator('main > .table-scroll tbody tr').count()).toBe(
          pages.controlOperations.length,
        );
        await expectAllGlyphs(page);
        await page.screenshot({
          path: join(resultsDir, `flow-${language.code}.png`),
          fullPage: true,
        });
      });
    });

    // Each link's target is the URL the control reference walk below opens and checks;
    // following one proves the flow page's links lead there.
    it('links every control operation to its entry in the control reference, which links back and, in a language the document is not written in, says so', async () => {
      await withSession(async ({ page }) => {
        await page.goto(`${site.url}${pages.flow}`, { waitUntil: 'networkidle' });
        for (const op of pages.controlOperations) {
          const link = page.getByRole('link', { name: op.operationId, exact: true });
          expect(await linkTarget(link), op.operationId).toBe(`${site.url}${op.page}${op.anchor}`);
        }
        const [followed] = pages.controlOperations;
        await checking(followed!, async () => {
          await page.getByRole('link', { name: followed!.operationId, exact: true }).click();
          await expectOperationShown(page, followed!);
          await expectPageLanguage(page, language);
          await openIntroduction(page, followed!);
          const note = language.text.controlNote.split('[')[0]!;
          if (note) await page.getByText(note).waitFor();
          await page.getByRole('link', { name: language.text.backLink }).click();
          await expect
            .poll(() => new URL(page.url()).pathname)
            .toBe(`/${language.folder}index.html`);
        });
      });
    });

    it('switches language on the flow page and back', async () => {
      await withSession(async ({ page }) => {
        for (const other of siteLanguages.filter((l) => l !== language)) {
          await page.goto(`${site.url}${pages.flow}`, { waitUntil: 'networkidle' });
          await page.getByRole('link', { name: other.name, exact: true }).click();
          await expect.poll(() => new URL(page.url()).pathname).toBe(`/${other.folder}${flowPage}`);
          expect(await page.locator('html').getAttribute('lang')).toBe(other.code);
          await page.getByRole('link', { name: language.name, exact: true }).click();
          await expect.poll(() => new URL(page.url()).pathname).toBe(`/${pages.flow}`);
        }
      });
    });
  },
);

describe('the mock control API reference', () => {
  const page = sharedSession();
  walkInEveryLanguage(
    page,
    expectedFlowPages[0]!.controlOperations,
    controlCounterpart,
    'shows the operation with its parameters',
    async (page, op) => {
      await expectPageLanguage(page, op.language);
      await expectParametersShown(page, op, op.parameterNames);
      expect(await operationRoot(page, op).innerText()).toContain(op.path);
      await expectAllGlyphs(page);
      await page.screenshot({
        path: join(resultsDir, `${op.language.code}-mock-control-${op.operationId}.png`),
      });
    },
  );
});
