// The fault driver bound to the packages as this package's tests resolve them (the built Node
// build, or the web build when bundled by support/portable-bundle.ts).
import { isHwsecError, unwrap } from '@hwsec/core';
import { createDscClient } from '@hwsec/dsc';
import { createHssClient } from '@hwsec/hss';
import { createSecMasterClient } from '@hwsec/secmaster';
import { runFaultOrders as run, type FaultRunConfig } from '@hwsec/test-support/fault-orders';

export type { FaultReport, FaultRunConfig } from '@hwsec/test-support/fault-orders';

const deps = { isHwsecError, unwrap, createHssClient, createDscClient, createSecMasterClient };

export const runFaultOrders = (config: FaultRunConfig) => run(deps, config);
