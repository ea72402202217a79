// Throwing mode: `unwrap(await client.op(...))` returns the typed data or throws HwsecApiError.
import { HwsecApiError } from './errors.js';
import { responseContext } from './response-context.js';

export type ApiResult<Data, Error> =
  | { data: Data; error?: never; response: Response }
  | { data?: never; error: Error; response: Response };

export function unwrap<Data, Error>(result: ApiResult<Data, Error>): Data {
  const { response } = result;
  if (result.error === undefined && response.ok) return result.data as Data;
  const context = responseContext(response);
  const url = new URL(response.url || 'http://unknown/');
  throw new HwsecApiError<Error>({
    status: response.status,
    operation: context?.operation ?? url.pathname,
    body: result.error as Error,
    requestId: response.headers.get('X-Request-Id'),
    ...(context ? { redact: context.redact } : {}),
  });
}
