// A client with AK/SK and a region but no project id looks the project up through IAM on its
// first call, with a module core loads by dynamic import() only then: the case proves that the
// import resolves on each runtime (in Node's dist, and inside each runtime's bundle). IAM here is
// the support server refusing with 403, so the lookup ends in the exported HwsecLookupError and
// the call itself is never sent.
import { HwsecLookupError, unwrap } from '@hwsec/core';
import { clientOf } from '../clients.ts';
import type { PortableContext } from '../context.ts';
import { check, checkEqual, thrown, type Case } from '../harness.ts';
import { scripted } from '../scripted.ts';

export function idLookupCases(context: PortableContext): Case[] {
  return [
    {
      name: 'id lookup: loaded on first use; IAM refusing is an HwsecLookupError, the call unsent',
      run: async () => {
        const iam = scripted(context, '403');
        const service = scripted(context, '200');
        const client = clientOf('hss', {
          region: 'cn-north-4',
          baseUrl: service.baseUrl,
          iamEndpoint: iam.baseUrl,
          credentials: { accessKey: context.accessKey, secretKey: context.secretKey },
          env: {},
        });
        const error = (await thrown(
          async () => unwrap(await client['showResourceQuotas']!()),
          'IAM refused the lookup',
        )) as HwsecLookupError;
        check(error instanceof HwsecLookupError, `not the exported HwsecLookupError: ${error}`);
        checkEqual(error.lookup, 'KeystoneListProjects', 'lookup');
        checkEqual(error.status, 403, 'IAM status');
        checkEqual(error.mayHaveBeenProcessed, false, 'mayHaveBeenProcessed');
        checkEqual(await iam.receipts(), 1, 'requests to IAM');
        checkEqual(await service.receipts(), 0, 'requests to the service');
      },
    },
  ];
}
