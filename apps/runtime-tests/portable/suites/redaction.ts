// A server that quotes the request's headers back in its error body (careless, or hostile)
// must not make any error the user can print show a credential or a signature.
import { unwrap } from '@hwsec/core';
import { clientOf } from '../clients.ts';
import type { PortableContext } from '../context.ts';
import { check, thrown, type Case } from '../harness.ts';
import { scripted } from '../scripted.ts';

/** Every way a user prints an error: message, String(), JSON, the body and its fields. */
function printed(error: unknown): string {
  const e = error as Error & { body?: unknown; errorMsg?: unknown; cause?: unknown };
  return [
    e.message,
    String(e),
    JSON.stringify(e),
    JSON.stringify(e.body),
    String(e.errorMsg),
    String(e.stack),
    String(e.cause),
  ].join('\n');
}

export function redactionCases(context: PortableContext): Case[] {
  const securityToken = 'STS-token-portable-0123456789abcdefghijklmnop';
  const credentials = {
    token: { token: context.token },
    'AK/SK with a security token': {
      accessKey: context.accessKey,
      secretKey: context.secretKey,
      securityToken,
    },
  };
  return Object.entries(credentials).map(([kind, given]) => ({
    name: `redaction: an error body quoting the request headers shows no secret (${kind})`,
    run: async () => {
      const server = scripted(context, 'echo');
      const client = clientOf('hss', {
        baseUrl: server.baseUrl,
        projectId: context.projectId,
        credentials: given,
      });
      const error = await thrown(
        async () => unwrap(await client.showResourceQuotas!({})),
        'echoed headers',
      );
      const text = printed(error);
      check(
        text.includes('TEST.ECHO'),
        `the error names the service's code: ${text.slice(0, 200)}`,
      );
      const secrets = [context.token, context.accessKey, context.secretKey, securityToken];
      for (const secret of secrets)
        check(!text.includes(secret), `a secret is shown: ${secret.slice(0, 4)}…`);
      check(!/Signature=[0-9a-f]{16}/.test(text), 'a signature is shown');
    },
  }));
}
