// Retries and timeouts as a user relies on them: reads are retried within bounds, orders are
// sent once whatever happens, and every failure says whether the order may have been placed.
import {
  unwrap,
  type HwsecAbortError,
  type HwsecApiError,
  type HwsecNetworkError,
  type HwsecTimeoutError,
} from '@hwsec/core';
import { clientOf } from '../clients.ts';
import type { PortableContext } from '../context.ts';
import { check, checkEqual, thrown, type Case } from '../harness.ts';
import { scripted } from '../scripted.ts';

const ORDER = {
  body: {
    resource_spec_code: 'hss.version.basic',
    period_type: 2,
    period_num: 1,
    subscription_num: 1,
    is_auto_pay: true,
  },
};
// Short waits keep the cases quick; nothing here measures time.
const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

export function retryTimeoutCases(context: PortableContext): Case[] {
  const hss = (baseUrl: string, extra: object = {}) =>
    clientOf('hss', {
      baseUrl,
      projectId: context.projectId,
      credentials: { accessKey: context.accessKey, secretKey: context.secretKey },
      retry: FAST_RETRY,
      ...extra,
    });

  return [
    {
      name: 'retries: a read answered 503, 503, 200 succeeds on the third attempt',
      run: async () => {
        const server = scripted(context, '503.503.200');
        const result = await hss(server.baseUrl).showResourceQuotas!({});
        checkEqual(result.response.status, 200, 'status');
        checkEqual(await server.receipts(), 3, 'requests received');
      },
    },
    {
      name: 'retries: a read whose connection is reset is sent again',
      run: async () => {
        const server = scripted(context, 'reset.200');
        const result = await hss(server.baseUrl).showResourceQuotas!({});
        checkEqual(result.response.status, 200, 'status');
        checkEqual(await server.receipts(), 2, 'requests received');
      },
    },
    {
      name: 'retries: an order answered 503 is sent once',
      run: async () => {
        const server = scripted(context, '503.200');
        const error = (await thrown(
          async () => unwrap(await hss(server.baseUrl).createQuotasOrder!(ORDER)),
          'order answered 503',
        )) as HwsecApiError;
        checkEqual([error.name, error.status], ['HwsecApiError', 503], 'error');
        checkEqual(await server.receipts(), 1, 'requests received');
      },
    },
    {
      name: 'retries: an order whose connection is reset is sent once and may have been placed',
      run: async () => {
        const server = scripted(context, 'reset.200');
        const error = (await thrown(
          () => hss(server.baseUrl).createQuotasOrder!(ORDER),
          'order reset',
        )) as HwsecNetworkError;
        checkEqual([error.name, error.mayHaveBeenProcessed], ['HwsecNetworkError', true], 'error');
        checkEqual(await server.receipts(), 1, 'requests received');
      },
    },
    {
      name: 'timeouts: a read that gets no answer times out on every attempt',
      run: async () => {
        const server = scripted(context, 'stall');
        const error = (await thrown(
          () =>
            hss(server.baseUrl, { timeoutMs: 200, retry: { ...FAST_RETRY, maxAttempts: 2 } })
              .showResourceQuotas!({}),
          'stalled read',
        )) as HwsecTimeoutError;
        checkEqual(
          [error.name, error.kind, error.timeoutMs, error.mayHaveBeenProcessed, error.attempts],
          ['HwsecTimeoutError', 'timeout', 200, false, 2],
          'error',
        );
        // Both attempts were made (error.attempts); on a loaded machine one can time out before
        // its request reaches the server, so the server sees at most two.
        const received = await server.receipts();
        check(received <= 2, `requests received: ${received}, expected at most 2`);
      },
    },
    {
      name: 'timeouts: an order that gets no answer times out once and may have been placed',
      run: async () => {
        const server = scripted(context, 'stall');
        const error = (await thrown(
          () => hss(server.baseUrl, { timeoutMs: 200 }).createQuotasOrder!(ORDER),
          'stalled order',
        )) as HwsecTimeoutError;
        checkEqual([error.name, error.mayHaveBeenProcessed], ['HwsecTimeoutError', true], 'error');
        checkEqual(await server.receipts(), 1, 'requests received');
      },
    },
    {
      name: "timeouts: the caller aborting ends a stalled read at once, with the caller's reason",
      run: async () => {
        const server = scripted(context, 'stall');
        const controller = new AbortController();
        const pending = hss(server.baseUrl, { timeoutMs: 0 }).showResourceQuotas!({
          signal: controller.signal,
        });
        // Abort once the server has the request, not after a guessed delay.
        while ((await server.receipts()) === 0)
          await new Promise((resolve) => setTimeout(resolve, 5));
        const reason = new Error('caller gave up');
        controller.abort(reason);
        const error = (await thrown(() => pending, 'aborted read')) as HwsecAbortError;
        checkEqual(
          [
            error.name,
            error.kind,
            error.mayHaveBeenProcessed,
            error.message.includes(reason.message),
          ],
          ['HwsecAbortError', 'abort', false, true],
          'error',
        );
      },
    },
  ];
}
