// Starts what the portable suites talk to (the real mock with signature checks, the support
// server) and computes the data they check against, for one test file.
import { startMock, TEST_CREDENTIALS } from '@hwsec/mock';
import type { ApiId, PortableContext } from '../portable/context.ts';
import { officialVectors, signerReferenceVectors } from './official-vectors.ts';
import { operationCalls } from './operation-calls.ts';
import { startFaultServer, type FaultServer } from '@hwsec/test-support/fault-server';
import { startSupportServer } from './support-server.ts';
import { CLIENT_API_IDS } from './generated/clients.ts';

const FAULT_SEED = 20_261_201;
/** As many as core's fault suite places per build. */
const FAULT_ORDERS = 1_020;

export async function startPortableContext(): Promise<{
  context: PortableContext;
  faultServer: FaultServer;
  close(): Promise<void>;
}> {
  const { accessKey, secretKey } = TEST_CREDENTIALS[0]!;
  const apis = CLIENT_API_IDS;
  const mock = await startMock({
    ports: Object.fromEntries(apis.map((api) => [api, 0])),
    verifySignatures: true,
  });
  const support = await startSupportServer();
  const faultServer = await startFaultServer(FAULT_SEED);
  return {
    context: {
      mock: mock.urls as Record<ApiId, string>,
      support: support.url,
      projectId: '0123456789abcdef0123456789abcdef',
      accessKey,
      secretKey,
      token: 'MIIportable-test-token-0123456789abcdefghijklmnopqrstuvwxyz',
      referenceVectors: signerReferenceVectors,
      officialVectors: officialVectors(200),
      calls: operationCalls(apis),
      faults: { baseUrl: faultServer.baseUrl, seed: FAULT_SEED, orders: FAULT_ORDERS },
    },
    faultServer,
    async close() {
      await Promise.all([mock.close(), support.close(), faultServer.close()]);
    },
  };
}
