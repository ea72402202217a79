// `pnpm site` ends in scripts/serve.mjs: a real process on 127.0.0.1, checked from outside.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { connect, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appDir } from './site-expectations.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function startServe(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [join(appDir, 'scripts', 'serve.mjs'), ...args], {
    env: { ...process.env, HWSEC_DOCS_PORT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout);
      if (match) resolve(match[0]);
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

/** A raw GET that keeps its socket open afterwards, as a browser does. */
function keepAliveGet(url: string, agent: Agent) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    request(url, { agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

async function occupiedPort() {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return {
    port: (blocker.address() as AddressInfo).port,
    close: () => new Promise((r) => blocker.close(r)),
  };
}

describe('serve', () => {
  it('serves the built site on 127.0.0.1 and only files inside it', async () => {
    const serve = startServe(['--port', '0']);
    const base = await serve.url;
    expect(serve.output().stdout).toContain(`serving the API documentation at ${base}`);

    const landing = await fetch(base);
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await landing.text()).toContain('hwsec');
    expect((await fetch(`${base}hss.html`)).status).toBe(200);
    expect((await fetch(`${base}openapi/hss.yaml`)).headers.get('content-type')).toMatch(/yaml/);
    expect((await fetch(`${base}missing.html`)).status).toBe(404);
    // fetch would normalise `..` away; an encoded one reaches the server.
    expect((await fetch(`${base}%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(base, { method: 'POST' })).status).toBe(405);
  });

  it('stops at once on SIGTERM and SIGINT, even with a browser-style keep-alive socket open', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const serve = startServe(['--port=0']);
      const base = new URL(await serve.url);
      const agent = new Agent({ keepAlive: true });
      expect((await keepAliveGet(base.href, agent)).status).toBe(200);
      // Also a request still being sent: a server that waited for its connections to finish
      // would wait for this one for minutes (Node's requestTimeout), so exiting at all proves
      // it closes them instead of waiting. No stopwatch: the outcome is what counts.
      const halfSent = connect(Number(base.port), base.hostname);
      await once(halfSent, 'connect');
      halfSent.write('GET / HTTP/1.1\r\nHost: x\r\n');
      // The server resets it: that is the expected end, not an error of the test.
      halfSent.on('error', () => undefined);
      const halfSentClosed = new Promise((resolve) => halfSent.on('close', resolve));
      serve.child.kill(signal);
      expect(await serve.exited).toBe(0);
      await halfSentClosed;
      agent.destroy();
    }
  });

  it('reads the port from HWSEC_DOCS_PORT and says so clearly when it is taken', async () => {
    const blocker = await occupiedPort();
    try {
      const serve = startServe([], { HWSEC_DOCS_PORT: String(blocker.port) });
      await expect(serve.url).rejects.toThrow();
      expect(await serve.exited).toBe(1);
      expect(serve.output().stderr).toContain(
        `port ${blocker.port} on 127.0.0.1 is already in use`,
      );
      expect(serve.output().stderr).toContain('--port');
    } finally {
      await blocker.close();
    }
  });

  it('rejects a port that is not a number', async () => {
    const serve = startServe(['--port', 'http']);
    await expect(serve.url).rejects.toThrow();
    expect(await serve.exited).toBe(2);
    expect(serve.output().stderr).toContain('invalid port "http"');
  });
});
