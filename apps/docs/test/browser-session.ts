// Debian's Chromium driven by playwright-core (never a downloaded browser), plus a recorder of
// what must never happen on the site: console errors, uncaught exceptions, requests to any host
// but the local server.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumExecutable, chromiumFlags } from '../../../scripts/chromium-launch.js';

/** playwright gives every launch a fresh temporary profile (--user-data-dir). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable,
    args: chromiumFlags,
  });
}

export interface SiteSession {
  context: BrowserContext;
  page: Page;
  /** Every request for another origin (blocked, so results do not depend on the network). */
  foreignRequests: string[];
  consoleErrors: string[];
}

/**
 * A fresh context per test: Redoc keeps the chosen sample language in it. 1280 px wide: a common
 * laptop width, at which the sample panel must still show its header whole.
 */
export async function openSession(browser: Browser, siteUrl: string): Promise<SiteSession> {
  const origin = new URL(siteUrl).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  const isLocal = (url: string) =>
    url.startsWith('blob:') || url.startsWith('data:') || new URL(url).origin === origin;
  context.on('request', (request) => {
    if (!isLocal(request.url())) foreignRequests.push(request.url());
  });
  await context.route(
    (url) => !isLocal(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  context.on('console', (message) => {
    if (message.type() === 'error')
      consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  context.on('weberror', (error) => consoleErrors.push(`uncaught: ${error.error().message}`));
  const page = await context.newPage();
  return { context, page, foreignRequests, consoleErrors };
}

/**
 * Characters of the page that Chromium draws as a missing-glyph box: each non-ASCII character
 * of the visible text is drawn in its element's font and compared with a code point no font has
 * (U+10FFFD). Without a CJK font every Chinese character matches it. What was drawn is kept on
 * the document's window: Redoc's routes are same-document navigations, so a walk over a page's
 * operations draws each character once per font, not once per operation (a second of drawing
 * each time on a Chinese reference page). The answer holds every missing character found on the
 * document so far.
 */
export async function missingGlyphs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Drawn = { seen: Set<string>; tofu: Map<string, string>; missing: Set<string> };
    const holder = window as unknown as { hwsecGlyphs?: Drawn };
    const drawn = (holder.hwsecGlyphs ??= { seen: new Set(), tofu: new Map(), missing: new Set() });
    const canvas = document.createElement('canvas');
    canvas.width = 48;
    canvas.height = 48;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const draw = (char: string, font: string) => {
      context.clearRect(0, 0, 48, 48);
      context.font = font;
      context.fillStyle = '#000';
      context.textBaseline = 'top';
      context.fillText(char, 4, 4);
      return canvas.toDataURL();
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !element.checkVisibility()) continue;
      const style = getComputedStyle(element);
      const font = `${style.fontStyle} ${style.fontWeight} 32px ${style.fontFamily}`;
      for (const char of node.textContent ?? '') {
        const key = `${char}\u0000${font}`;
        if (char.charCodeAt(0) < 0x80 || /\s/.test(char) || drawn.seen.has(key)) continue;
        drawn.seen.add(key);
        if (!drawn.tofu.has(font)) drawn.tofu.set(font, draw('\u{10FFFD}', font));
        if (draw(char, font) === drawn.tofu.get(font)) drawn.missing.add(char);
      }
    }
    return [...drawn.missing];
  });
}
