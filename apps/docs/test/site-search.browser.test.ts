// Redoc's search on every reference page, in a real browser, in every language: typing an
// operationId finds the operation, and its hit leads to it. Each search starts from where the
// previous one led, on a page opened once per language, as a reader searching again would.
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { services } from '../src/services.mjs';
import { siteLanguages } from '../src/site-languages.mjs';
import { checking, expectOperationShown, sharedSession, site, useSite } from './site-browser.js';
import { expectedOperations, type ExpectedOperation } from './site-expectations.js';

useSite();

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
  'Redoc search on the reference pages of %s',
  (_, service) => {
    const page = sharedSession();
    // From the page's introduction, as a reader arriving without an anchor searches; each
    // search leads away from the operation the previous one found.
    for (const language of siteLanguages)
      it(`finds every operation under its operationId in ${language.name}`, async () => {
        const inLanguage = expectedOperations.filter(
          (op) => op.service === service && op.language === language,
        );
        await page().goto(`${site.url}${inLanguage[0]!.page}`, { waitUntil: 'networkidle' });
        for (const op of inLanguage) await checking(op, () => expectFoundBySearch(page(), op));
      });
  },
);
