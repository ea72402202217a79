import { chromium } from 'playwright-core';
import { startStaticServer } from './src/static-server.mjs';
const site = await startStaticServer({ root: './dist' });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const [f, out] of [['zh-CN/testing-a-flow.html','/tmp/fd/flow-zh.png'],['testing-a-flow.html','/tmp/fd/flow-en.png'],['zh-CN/mock-control.html','/tmp/fd/ctl-zh.png']]) {
  const p = await b.newPage({ viewport: { width: 1300, height: 900 } });
  const errs=[]; p.on('console', m => { if (m.type()==='error') errs.push(m.text()); });
  await p.goto(site.url+f, { waitUntil: 'networkidle' }); await p.waitForTimeout(2000);
  await p.screenshot({ path: out, fullPage: f.includes('flow') });
  console.log(f, errs);
}
await b.close(); await site.close();
