// What one attempt of a read leaves for the next: nothing. A request id belongs to the attempt
// whose answer carried it; an injected sleep's own failure is not passed off as an abort; the
// logger's duration is that attempt's (a faked `performance` clock: no real time measured); and
// its path is the URL's path whatever the URL looks like.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  HwsecNetworkError,
  PlainRequest,
  createTransport,
  type AttemptLogEntry,
} from '../dist/index.js';
import { hangUp, json, startServer } from '@hwsec/test-support/http-server';
import { createTestClient } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

const client = (baseUrl: string, extra: Partial<Parameters<typeof createTestClient>[0]> = {}) =>
  createTestClient({
    baseUrl,
    projectId: PROJECT,
    credentials: { accessKey: AK, secretKey: SK },
    retry: { maxAttempts: 2, sleep: async () => undefined },
    ...extra,
  });

describe('between the attempts of a read', () => {
  it("a failed attempt never reports the previous attempt's request id", async () => {
    server = await startServer([json(503, {}, { 'x-request-id': 'rid-1' }), hangUp]);
    const entries: AttemptLogEntry[] = [];
    const error = await client(server.baseUrl, { logger: (_line, entry) => entries.push(entry) })
      .showResourceQuotas()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HwsecNetworkError);
    expect(error).toMatchObject({ attempts: 2, requestId: undefined });
    expect((error as Error).message).not.toContain('rid-1');
    expect(entries.map((e) => [e.attempt, e.requestId])).toEqual([
      [1, 'rid-1'],
      [2, undefined],
    ]);
  });

  it("an injected sleep's own failure is thrown as it is, not as an abort", async () => {
    server = await startServer([json(503, {}), json(200, {})]);
    const broken = new Error('the sleep broke');
    const error = await client(server.baseUrl, {
      retry: { maxAttempts: 2, sleep: () => Promise.reject(broken) },
    })
      .showResourceQuotas({ signal: new AbortController().signal })
      .catch((e: unknown) => e);
    expect(error).toBe(broken);
    expect(server.received).toHaveLength(1);
  });
});

describe("the logger's fields", () => {
  it('durationMs is the time of that attempt alone', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    vi.advanceTimersByTime(5000);
    const entries: AttemptLogEntry[] = [];
    const spent = [1234, 66];
    const { transport } = createTransport({
      credentials: { token: 'MIItoken-for-durations' },
      timeoutMs: 0,
      retry: { maxAttempts: 2, sleep: async () => void vi.advanceTimersByTime(700) },
      fetch: async () => {
        vi.advanceTimersByTime(spent.shift()!);
        return new Response('{}', { status: entries.length ? 200 : 503 });
      },
      logger: (_line, entry) => entries.push(entry),
    });
    await transport(new PlainRequest(`https://hss.example.test/v5/${PROJECT}/billing/quotas`));
    expect(entries.map((e) => [e.status, e.durationMs])).toEqual([
      [503, 1234],
      [200, 66],
    ]);
  });

  it('path is the path of a relative URL too (what a page calling its own origin may pass)', async () => {
    const entries: AttemptLogEntry[] = [];
    const { transport } = createTransport({
      credentials: { token: 'MIItoken-for-paths' },
      fetch: async () => new Response('{}'),
      logger: (_line, entry) => entries.push(entry),
    });
    await transport(new PlainRequest('/v5/p/links/https://hss.example.test/x?q=1'));
    expect(entries.map((e) => e.path)).toEqual(['/v5/p/links/https://hss.example.test/x']);
  });
});
