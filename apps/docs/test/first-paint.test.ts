// A reference page as the server sends it, before any script runs: Redocly's CLI pre-renders the
// first view (sidebar, overview, servers) with an English Redoc, and the build puts its labels
// in the page's language, so a reader of a translated page never sees English labels flash
// before Redoc hydrates the view. Read from the built files: no browser needed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRedocLabels } from '../src/redoc-labels.mjs';
import { referencePage } from '../src/pages.mjs';
import { services } from '../src/services.mjs';
import { siteLanguages } from '../src/site-languages.mjs';
import { appDir } from './site-expectations.js';

/** Each element's own text in the served markup, scripts and styles left out. */
function servedTexts(html: string): Set<string> {
  return new Set(
    html
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .split(/<[^>]*>/)
      .map((text) => text.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  );
}

const served = (folder: string, service: (typeof services)[number]) =>
  readFileSync(join(appDir, 'dist', `${folder}${referencePage(service)}`), 'utf8');

describe.each(siteLanguages.filter((language) => language.folder))(
  'the first paint of the $code reference pages',
  (language) => {
    const labels = readRedocLabels(join(appDir, 'templates'), language).filter(
      (label) => label.en.trim() !== label.zh.trim(),
    );
    const english = new Set(labels.map((label) => label.en.trim()));
    const overview = labels.find((label) => label.key === 'info.title')!;

    it.each(services.map((service) => [service.id, service] as const))(
      '%s: no label of Redoc is in English',
      (_id, service) => {
        const texts = servedTexts(served(language.folder, service));
        expect([...texts].filter((text) => english.has(text))).toEqual([]);
        expect([...texts].filter((text) => /^(Show|Hide) \d+ variables?$/.test(text))).toEqual([]);
        expect(texts).toContain(overview.zh);
        // The English page is pre-rendered with these labels: what the check looks for is there.
        expect(servedTexts(served('', service))).toContain(overview.en);
      },
    );
  },
);
