import { chromium } from 'playwright-core';
import { startStaticServer } from './src/static-server.mjs';
const [root, ...pages] = process.argv.slice(2);
const site = await startStaticServer({ root });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const f of pages) {
  const p = await b.newPage();
  await p.goto(site.url+f, { waitUntil: 'networkidle' }); await p.waitForTimeout(5000);
  const t = await p.evaluate(() => document.body.textContent);
  console.log(f, ['Seed a project','Pay a waiting order','Create a quota order','Show quota statistics'].map(s=>[s,t.includes(s)]));
  console.log(await p.locator('[data-component-name*="Menu"], nav a, [role=menuitem]').count());
}
await b.close(); await site.close();
