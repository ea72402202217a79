// The fault driver bound to core's own test service (support/test-service.ts): orders (a POST and
// a PUT) placed through core's client machinery as the tests load it (the built Node build, or
// the web build when bundled by support/portable-bundle.ts). The published clients run the same
// driver in apps/runtime-tests.
import { isHwsecError, unwrap } from '../../dist/index.js';
import { createTestClient } from '../support/test-service.js';
import {
  runFaultOrders as run,
  type FaultClientOptions,
  type FaultRunConfig,
} from '@hwsec/test-support/fault-orders';

export type { FaultReport, FaultRunConfig } from '@hwsec/test-support/fault-orders';

const createQuotasOrder = (options: FaultClientOptions) => {
  const client = createTestClient(options);
  return (headers: Record<string, string>) =>
    client.createQuotasOrder({
      headers,
      body: { resource_spec_code: 'hss.version.enterprise', period_num: 1 },
    });
};

const updateSubscriptionOrder = (options: FaultClientOptions) => {
  const client = createTestClient(options);
  return (headers: Record<string, string>) =>
    client.updateSubscriptionOrder({ headers, body: { product_list: [{ resource_size: 3 }] } });
};

// Six placers: the driver gives them the three kinds of credentials (token, AK/SK, AK/SK with a
// security token) in turn, so each kind places both a POST and a PUT.
const deps = {
  isHwsecError,
  unwrap,
  placers: [
    createQuotasOrder,
    updateSubscriptionOrder,
    createQuotasOrder,
    updateSubscriptionOrder,
    createQuotasOrder,
    updateSubscriptionOrder,
  ],
};

export const runFaultOrders = (config: FaultRunConfig) => run(deps, config);
