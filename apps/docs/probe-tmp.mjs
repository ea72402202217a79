import { chromium } from 'playwright-core';
import { startStaticServer } from './src/static-server.mjs';
const [root, ...pages] = process.argv.slice(2);
const site = await startStaticServer({ root });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const f of pages) {
  const p = await b.newPage();
  const errs = [];
  p.on('console', m => { if (m.type()==='error') errs.push(m.text()); });
  p.on('pageerror', e => errs.push('uncaught '+e.message));
  await p.goto(site.url+f, { waitUntil: 'networkidle' }); await p.waitForTimeout(8000);
  const ids = await p.evaluate(() => [...document.querySelectorAll('[id]')].map(e=>e.id).filter(i=>!i.includes('=')).slice(0,40));
  const h2 = [await p.locator('body').innerText()];
  console.log(f, JSON.stringify({ids, h2: h2.slice(0,20), errs}));
  await p.close();
}
await b.close(); await site.close();
