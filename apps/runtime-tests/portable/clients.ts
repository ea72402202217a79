// The three clients by API id, as a user imports them.
import { createDscClient } from '@hwsec/dsc';
import { createHssClient } from '@hwsec/hss';
import { createSecMasterClient } from '@hwsec/secmaster';
import type { ApiResult } from '@hwsec/core';
import type { ApiId } from './context.ts';

type Options = Parameters<typeof createHssClient>[0];
type Method = (init?: unknown) => Promise<ApiResult<unknown, unknown>>;

const factories: Record<ApiId, (options: Options) => unknown> = {
  hss: createHssClient,
  dsc: createDscClient as (options: Options) => unknown,
  secmaster: createSecMasterClient as (options: Options) => unknown,
};

/** A client of `api` seen through its operation methods only. */
export function clientOf(api: ApiId, options: Options): Record<string, Method> {
  return factories[api](options) as Record<string, Method>;
}
