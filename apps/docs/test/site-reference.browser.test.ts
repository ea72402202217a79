// Each operation's reference entry in a real browser (Debian's Chromium), served the way
// `pnpm site` serves it, in every language (English at /, Chinese at /zh-CN/): its parameters,
// response example and every code sample (TypeScript first, one per named request example, then
// the call against the local mock; none cut off, its panel's header whole at 1280 px, comments in
// the page's language); Redoc's own labels in the page's language; the language switch keeps the
// reader on the same operation; every character has a glyph; and no page logs an error or
// requests anything from another host.
//
// A Redoc page load costs one to two CPU-seconds: each page is opened once and its operations
// are reached by their anchors (a same-document navigation, as a reader's click in Redoc's
// menu), and the language switch (a real page load) lands on the next operation to check.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { readRedocLabels } from '../src/redoc-labels.mjs';
import { services } from '../src/services.mjs';
import { siteLanguages } from '../src/site-languages.mjs';
import { untranslatedTexts } from '../src/untranslated-text.mjs';
import {
  expectAllGlyphs,
  expectPageLanguage,
  expectParametersShown,
  operationRoot,
  resultsDir,
  sharedSession,
  useSite,
  walkInEveryLanguage,
} from './site-browser.js';
import {
  appDir,
  counterpart,
  expectedOperations,
  type ExpectedOperation,
} from './site-expectations.js';

useSite();

/** A code block shows all of its text: wrapped, never cut off at the panel's edge. */
async function expectNotClipped(code: Locator, what: string) {
  const { scrollWidth, clientWidth } = await code.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
  }));
  expect(scrollWidth, `${what} is wider than its panel`).toBeLessThanOrEqual(clientWidth);
}

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

describe.each(services.map((service) => [service.name, service] as const))(
  'reference pages of %s',
  (_, service) => {
    const page = sharedSession();
    const [firstLanguage] = siteLanguages;
    walkInEveryLanguage(
      page,
      expectedOperations.filter((op) => op.service === service && op.language === firstLanguage),
      counterpart,
      'shows the operation, its parameters, its response example and every code sample, TypeScript first',
      expectReferenceEntry,
    );
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
