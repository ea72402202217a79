// From `pnpm start` to an answer, as a reader gets there: the real scripts/start.mjs serves the
// docs and the mocks together; in Debian's Chromium the reader opens the HSS reference page,
// opens the Try it console from the page's launcher, presses Send, and sees the mock's answer and
// the request as it was signed in the page. The pieces have tests of their own (the console in
// apps/docs, the stop in start.test.ts); this one proves they meet.
import { readApiRegistry } from '@hwsec/spec';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { chromiumExecutable, chromiumFlags } from '../../../scripts/chromium-launch.js';
import { answers, startAll, until } from './support/start-all.js';

it('pnpm start: the HSS page sends its first operation signed to the started mock and shows a 2xx', async () => {
  const run = await startAll();
  const browser = await chromium.launch({
    executablePath: chromiumExecutable,
    args: chromiumFlags,
  });
  try {
    for (const [name, port] of Object.entries(run.ports))
      await until(() => answers(port), `${name} answered on ${port}`, run.child);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${run.ports['docs']}/hss.html`);
    await page.click('#hwsec-try-launch');
    await page.locator('#hwsec-try-dialog[open]').waitFor();
    // The page targets the mock's default port; this run's mock is on a free one.
    const hss = readApiRegistry().get('hss');
    expect(await page.inputValue('#hwsec-try-target')).toBe(`http://127.0.0.1:${hss.mockPort}`);
    await page.fill('#hwsec-try-target', `http://127.0.0.1:${run.ports['hss']}`);
    await page.click('#hwsec-try-send');
    const status = page.locator('#hwsec-try-status');
    await expect.poll(() => status.innerText()).toMatch(/^\d{3}$|: /);
    const answer = await page.locator('#hwsec-try-response').innerText();
    expect(await status.innerText(), answer).toMatch(/^2\d\d$/);
    expect(await page.locator('#hwsec-try-sent').innerText()).toMatch(
      /authorization: SDK-HMAC-SHA256 Access=•+, SignedHeaders=\S+, Signature=•+/,
    );
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    run.child.kill('SIGINT');
    await run.exited;
  }
});
