// Throwing mode: `unwrap(await client.op(...))` returns the typed data or throws HwsecApiError.
import { HwsecApiError } from './errors.js';
import { orderAttemptOf, withOrder } from './order-facts.js';
import { responseContext } from './response-context.js';

export type ApiResult<Data, Error> =
  | { data: Data; error?: never; response: Response }
  | { data?: never; error: Error; response: Response };

/** The success data type of a `{ data, error, response }` union. */
export type DataOf<Result> = Result extends { data: infer Data } ? Data : never;
/** The error body type of a `{ data, error, response }` union. */
export type ErrorOf<Result> = Result extends { error: infer Error } ? Error : never;

export function unwrap<Result extends ApiResult<unknown, unknown>>(result: Result): DataOf<Result> {
  const { response } = result;
  if (result.error === undefined && response.ok) return result.data as DataOf<Result>;
  const context = responseContext(response);
  throw withOrder(
    new HwsecApiError<ErrorOf<Result>>(
      response.status,
      context ?? response.url.split('?')[0]!,
      result.error as ErrorOf<Result>,
      response.headers.get('X-Request-Id'),
      context?.redact,
    ),
    orderAttemptOf(response),
  );
}
