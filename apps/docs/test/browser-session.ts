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

/** A fresh context per test: Redoc keeps the chosen sample language in it. */
export async function openSession(browser: Browser, siteUrl: string): Promise<SiteSession> {
  const origin = new URL(siteUrl).origin;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
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
