import { spawn } from 'node:child_process';
const server = spawn(process.execPath, ['fixture-server.mjs'], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const port = await new Promise((r) =>
  server.stdout.once('data', (d) => r(JSON.parse(String(d)).port)),
);
const baseUrl = `http://127.0.0.1:${port}`;
const { createCaller } = await import('./contenders/raw-fetch.mjs');
const { createCaller: hw } = await import('./contenders/hwsec.mjs');
const opId = process.argv[2] ?? 'hssRead',
  auth = process.argv[3] ?? 'aksk';
const fns = {
  fetch: createCaller({ baseUrl, opId, auth }),
  'fetch+timeout': createCaller({ baseUrl, opId, auth, clientOptions: { timeoutMs: 30000 } }),
  hwsec: await hw({ baseUrl, opId, auth }),
  'hwsec t0': await hw({ baseUrl, opId, auth, clientOptions: { timeoutMs: 0 } }),
  'hwsec nh': await hw({ baseUrl, opId, auth, clientOptions: { fetchImpl: 'node-http' } }),
  nodehttp: (await import('./contenders/node-http.mjs')).createCaller({ baseUrl, opId, auth }),
};
for (const f of Object.values(fns)) for (let i = 0; i < 3000; i++) await f();
const res = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
for (let round = 0; round < 8; round++)
  for (const [k, f] of Object.entries(fns)) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < 1500; i++) await f();
    const c = process.cpuUsage(c0);
    res[k].push((c.user + c.system) / 1500);
  }
const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
console.log(
  opId,
  auth,
  Object.fromEntries(Object.entries(res).map(([k, v]) => [k, med(v).toFixed(0)])),
);
server.stdin.end();
