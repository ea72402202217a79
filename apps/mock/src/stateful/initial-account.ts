/**
 * The account a fresh mock (or a reset of everything) starts with: a domain whose id comes from
 * the seed, one enabled project per region of the regional APIs (named after the region, so IAM
 * KeystoneListProjects `?name=cn-north-4` finds exactly one), and a balance large enough for any
 * order the limits of the state allow, so payments are refused for lack of money only when a
 * test seeds a lower balance.
 */
import { accountRegions } from './account-regions.js';
import type { AccountState } from './account-model.js';
import type { IdSource } from './ids.js';

export const DEFAULT_BALANCE = 100_000_000;
export const DOMAIN_NAME = 'hwsec-mock-account';

export function initialAccount(ids: IdSource): AccountState {
  return {
    domain_id: ids.hexId('domain'),
    domain_name: DOMAIN_NAME,
    balance: DEFAULT_BALANCE,
    projects: accountRegions().map((region) => ({
      id: ids.hexId(`project:${region}`),
      name: region,
      enabled: true,
    })),
  };
}
