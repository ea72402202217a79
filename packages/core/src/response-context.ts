// What `unwrap` needs to build a good error from a `{ error, response }` result: the call that
// produced the response (operation, method kind, attempts, request id) and the redactor of the
// client that sent it. Kept beside the response, never on it, so nothing secret can be reached
// from a Response.
import type { CallState } from './errors.js';
import type { Redactor } from './redact.js';

export interface ResponseContext extends CallState {
  redact: Redactor;
}

const contexts = new WeakMap<Response, ResponseContext>();

export function rememberResponse(response: Response, context: ResponseContext): void {
  contexts.set(response, context);
}

export function responseContext(response: Response): ResponseContext | undefined {
  return contexts.get(response);
}
