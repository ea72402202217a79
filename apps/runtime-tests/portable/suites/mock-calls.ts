// Every operation of every client against the real mock, with an IAM token and with AK/SK (the
// mock verifies the signature), and a wrong secret key refused by the mock's gateway.
import { unwrap, type HwsecApiError } from '@hwsec/core';
import { clientOf } from '../clients.ts';
import type { OperationCall, PortableContext } from '../context.ts';
import { check, checkEqual, thrown, type Case } from '../harness.ts';

function callCase(context: PortableContext, call: OperationCall, auth: 'token' | 'AK/SK'): Case {
  return {
    name: `mock: ${call.api} ${call.operationId} with ${auth}`,
    run: async () => {
      const client = clientOf(call.api, {
        baseUrl: context.mock[call.api],
        projectId: context.projectId,
        credentials:
          auth === 'token'
            ? { token: context.token }
            : { accessKey: context.accessKey, secretKey: context.secretKey },
      });
      const result = await client[call.method]!(call.init);
      check(result.error === undefined, `answered with an error: ${JSON.stringify(result.error)}`);
      checkEqual(result.response.status, call.status, 'status');
      if (call.status !== 204)
        check(result.data && typeof result.data === 'object', 'data is a JSON object');
    },
  };
}

export function mockCallCases(context: PortableContext): Case[] {
  const first = context.calls[0]!;
  return [
    ...context.calls.flatMap((call) => [
      callCase(context, call, 'token'),
      callCase(context, call, 'AK/SK'),
    ]),
    {
      name: 'mock: a signature made with the wrong secret key is refused with 401',
      run: async () => {
        const client = clientOf(first.api, {
          baseUrl: context.mock[first.api],
          projectId: context.projectId,
          credentials: { accessKey: context.accessKey, secretKey: `${context.secretKey}x` },
        });
        const error = (await thrown(
          async () => unwrap(await client[first.method]!(first.init)),
          'wrong secret key',
        )) as HwsecApiError;
        checkEqual(error.name, 'HwsecApiError', 'error class');
        checkEqual(error.status, 401, 'status');
      },
    },
  ];
}
