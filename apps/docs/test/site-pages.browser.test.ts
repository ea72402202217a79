// The site's own pages in a real browser (Debian's Chromium), served the way `pnpm site` serves
// them, in every language: the landing page lists every operation of the spec and links each to
// its reference entry; the Testing a flow page shows the README's commands, rules and examples
// byte for byte and links every control operation; the mock control API reference shows each
// operation with its parameters, and the language switch keeps the reader on it. Every
// character has a glyph, and no page logs an error or requests anything from another host.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowPage } from '../src/pages.mjs';
import { siteLanguages } from '../src/site-languages.mjs';
import { missingGlyphs } from './browser-session.js';
import {
  checking,
  expectAllGlyphs,
  expectOperationShown,
  expectPageLanguage,
  expectParametersShown,
  linkTarget,
  openIntroduction,
  operationRoot,
  resultsDir,
  sharedSession,
  site,
  useSite,
  walkInEveryLanguage,
  withSession,
} from './site-browser.js';
import {
  expectedFlowPages,
  expectedOperations,
  type ExpectedControlOperation,
} from './site-expectations.js';

useSite();

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
