// The built site in a real browser (Debian's Chromium), served the way `pnpm site` serves it, in
// every language (English at /, Chinese at /zh-CN/). Every operation of the spec must be on the
// landing page and on its reference page with its parameters, response example and every code
// sample (TypeScript first, one per named request example, then the call against the local mock;
// none cut off, its panel's header whole at 1280 px, comments in the page's language); Redoc's own
// labels must be in the page's language; Redoc's search must find it by operationId; the language
// switch must keep the reader on the same operation; every character must have a glyph; and no
// page may log an error or request anything from another host.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlReferencePage, flowPage } from '../src/pages.mjs';
import { readRedocLabels } from '../src/redoc-labels.mjs';
import { siteLanguages } from '../src/site-languages.mjs';
import { startStaticServer } from '../src/static-server.mjs';
import { untranslatedTexts } from '../src/untranslated-text.mjs';
import { launchChromium, missingGlyphs, openSession, type SiteSession } from './browser-session.js';
import {
  appDir,
  counterpart,
  expectedFlowPages,
  expectedOperations,
  type ExpectedOperation,
} from './site-expectations.js';

/** What locating an operation in a Redoc page needs. */
type RoutedOperation = Pick<ExpectedOperation, 'page' | 'anchor' | 'summary'>;

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

describe.each(siteLanguages.map((language) => [language.name, language] as const))(
  'landing page (%s)',
  (_, language) => {
    const operations = expectedOperations.filter((op) => op.language === language);

    it('lists every operation from the spec, and each reference page links back', async () => {
      await withSession(async ({ page }) => {
        const landing = `${site.url}${language.folder}`;
        await page.goto(landing, { waitUntil: 'networkidle' });
        expect(await page.title()).toContain('hwsec');
        expect(await page.locator('html').getAttribute('lang')).toBe(language.code);
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

        // Each reference page links back from its introduction.
        const back = operations[0]!;
        await page.goto(`${site.url}${back.page}`, { waitUntil: 'networkidle' });
        await page.getByRole('link', { name: language.text.backLink }).click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(`/${language.folder}index.html`);
      });
    });

    // One test per operation: each opens a whole reference page.
    it.each(operations.map((op) => [op.operationId, op] as const))(
      'links %s to its reference entry',
      async (_, op) => {
        await withSession(async ({ page }) => {
          await page.goto(`${site.url}${language.folder}`, { waitUntil: 'networkidle' });
          await page.getByRole('link', { name: op.operationId, exact: true }).click();
          await expectOperationShown(page, op);
        });
      },
    );

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

describe.each(
  expectedOperations.map(
    (op) => [`${op.language.code} ${op.service.name} ${op.operationId}`, op] as const,
  ),
)('reference page: %s', (_, op) => {
  it('shows the operation, its parameters, its response example and every code sample, TypeScript first', async () => {
    await withSession(async ({ page }) => {
      await page.goto(`${site.url}${op.page}${op.anchor}`, { waitUntil: 'networkidle' });
      await expectOperationShown(page, op);
      expect(await page.locator('html').getAttribute('lang')).toBe(op.language.code);
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
      // A fresh context: the default tab is the first sample, TypeScript.
      await samples.getByRole('button', { name: first!.label, exact: true }).waitFor();
      await expectAllGlyphs(page);
      await page.screenshot({
        path: join(resultsDir, `${op.language.code}-${op.service.id}-${op.operationId}.png`),
      });

      let current = first!.label;
      for (const [index, sample] of op.samples.entries()) {
        if (sample.label !== current) {
          await samples.getByRole('button', { name: current, exact: true }).click();
          // The menu opens outside the panel; Redoc may render a second copy of its items. The
          // check below, on this panel's code, proves the right sample was picked.
          await page
            .getByRole('menuitem', { name: sample.label, exact: true })
            .filter({ visible: true })
            .first()
            .click();
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
        await page.screenshot({
          path: join(
            resultsDir,
            `${op.language.code}-${op.service.id}-${op.operationId}-sample-${index + 1}.png`,
          ),
        });
      }
    });
  });

  it('switches language on the same operation, and back', async () => {
    await withSession(async ({ page }) => {
      const other = counterpart(op);
      await page.goto(`${site.url}${op.page}${op.anchor}`, { waitUntil: 'networkidle' });
      await expectOperationShown(page, op);
      await page.getByRole('link', { name: other.language.name, exact: true }).click();
      await expectOperationShown(page, other);
      expect(await page.locator('html').getAttribute('lang')).toBe(other.language.code);
      await page.getByRole('link', { name: op.language.name, exact: true }).click();
      await expectOperationShown(page, op);
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
        path: join(resultsDir, `${op.language.code}-${op.service.id}-${op.operationId}-search.png`),
      });
      await hit.first().click();
      await expectOperationShown(page, op);
    });
  });
});

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

    // One test per operation: each opens Redoc afresh, so the time grows with the document.
    it.each(pages.controlOperations.map((op) => [op.operationId, op] as const))(
      'opens %s from the flow page, with its parameters',
      async (_, op) => {
        await withSession(async ({ page }) => {
          await page.goto(`${site.url}${pages.flow}`, { waitUntil: 'networkidle' });
          await page.getByRole('link', { name: op.operationId, exact: true }).click();
          await expectOperationShown(page, op);
          expect(await page.locator('html').getAttribute('lang')).toBe(language.code);
          await expectParametersShown(page, op, op.parameterNames);
          const root = operationRoot(page, op);
          expect(await root.innerText()).toContain(op.path);
          await expectAllGlyphs(page);
          await page.screenshot({
            path: join(resultsDir, `${language.code}-mock-control-${op.operationId}.png`),
          });
        });
      },
    );

    it('the control reference links back, and in a language the document is not written in says so', async () => {
      await withSession(async ({ page }) => {
        await page.goto(`${site.url}${pages.control}`, { waitUntil: 'networkidle' });
        const note = language.text.controlNote.split('[')[0]!;
        if (note) await page.getByText(note).waitFor();
        await page.getByRole('link', { name: language.text.backLink }).click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(`/${language.folder}index.html`);
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

    it.each(pages.controlOperations.map((op) => [op.operationId, op] as const))(
      'switches language on the control reference at %s, keeping the operation, and back',
      async (_, op) => {
        await withSession(async ({ page }) => {
          for (const other of siteLanguages.filter((l) => l !== language)) {
            const there = { ...op, page: `${other.folder}${controlReferencePage}` };
            await page.goto(`${site.url}${op.page}${op.anchor}`, { waitUntil: 'networkidle' });
            await expectOperationShown(page, op);
            await page.getByRole('link', { name: other.name, exact: true }).click();
            await expectOperationShown(page, there);
            expect(await page.locator('html').getAttribute('lang')).toBe(other.code);
            await page.getByRole('link', { name: language.name, exact: true }).click();
            await expectOperationShown(page, op);
          }
        });
      },
    );
  },
);
