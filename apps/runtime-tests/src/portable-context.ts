// Starts what the portable suites talk to (the real mock with signature checks, a stateful one
// for purchases, the support server) and computes the data they check against, for one test file.
import { startMock, TEST_CREDENTIALS } from '@hwsec/mock';
import type { ApiId, BillingMock, PortableContext } from '../portable/context.ts';
import { officialVectors, signerReferenceVectors } from './official-vectors.ts';
import { operationCalls } from './operation-calls.ts';
import { startFaultServer, type FaultServer } from '@hwsec/test-support/fault-server';
import { startSupportServer } from './support-server.ts';
import { CLIENT_API_IDS } from './generated/clients.ts';

const FAULT_SEED = 20_261_201;
/** As many as core's fault suite places per build. */
const FAULT_ORDERS = 1_020;

/**
 * How long the billing mock keeps a paid order processing (BSS status 3): short, but long enough
 * that the wait's first read, right after the payment, sees 3 on a loaded machine too.
 */
const ORDER_PROCESSING_MS = 500;

/** As many users (AK/SK pairs) as the billing mock's account can have projects. */
const BILLING_USERS = 100;
const billingUsers = Array.from({ length: BILLING_USERS }, (_, index) => ({
  accessKey: `AKBILLINGUSER${String(index).padStart(7, '0')}`,
  secretKey: `SKbillinguser${String(index).padStart(7, '0')}00000000000000000000`,
}));

/** The billing mock's URLs and its account, read through its control API. */
async function billingMock(urls: Record<ApiId, string>): Promise<BillingMock> {
  const response = await fetch(new URL('/_hwsec/account', urls.hss));
  if (!response.ok) throw new Error(`GET /_hwsec/account: ${response.status}`);
  const account = (await response.json()) as {
    domain_id: string;
    projects: { id: string; name: string }[];
  };
  if (account.projects.length > BILLING_USERS)
    throw new Error(`the billing mock has ${account.projects.length} projects: more than users`);
  return {
    mock: urls,
    domainId: account.domain_id,
    projects: account.projects.map(({ id, name }, index) => ({
      id,
      name,
      ...billingUsers[index]!,
    })),
  };
}

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
  const billing = await startMock({
    ports: Object.fromEntries(apis.map((api) => [api, 0])),
    verifySignatures: true,
    credentials: billingUsers,
    stateful: true,
    orderProcessingMs: ORDER_PROCESSING_MS,
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
      billing: await billingMock(billing.urls as Record<ApiId, string>),
    },
    faultServer,
    async close() {
      await Promise.all([mock.close(), billing.close(), support.close(), faultServer.close()]);
    },
  };
}
