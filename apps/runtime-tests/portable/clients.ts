// The clients by API id, as a user imports them (generated from the registry, statically imported:
// the suites are bundled for every runtime). A global service's client (BSS, IAM) ignores
// projectId.
import type { ApiResult } from '@hwsec/core';
import { clientFactories } from '../src/generated/clients.ts';
import type { ApiId } from './context.ts';

type Options = Parameters<(typeof clientFactories)['hss']>[0];
type Method = (init?: unknown) => Promise<ApiResult<unknown, unknown>>;

/** A client of `api` seen through its operation methods only. */
export function clientOf(api: ApiId, options: Options): Record<string, Method> {
  const factory = clientFactories[api] as (options: Options) => unknown;
  return factory(options) as Record<string, Method>;
}
