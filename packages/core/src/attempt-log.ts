// The opt-in `logger` option: one line per attempt (operation, method, path, status or failure,
// duration, attempt, request id). Built only from those fields, never from headers or bodies,
// and redacted anyway; the query is left out (it may carry data the caller did not mean to log).
import type { Redactor } from './redact.js';

export interface AttemptLogEntry {
  operation: string;
  method: string;
  /** The URL path, without the query. */
  path: string;
  /** The HTTP status, or undefined when no answer came back. */
  status: number | undefined;
  /** `ok` for any HTTP answer, else the error's kind (`network`, `timeout`, `redirect`...). */
  outcome: string;
  durationMs: number;
  attempt: number;
  requestId: string | undefined;
}

export type AttemptLogger = (line: string, entry: AttemptLogEntry) => void;

export function logAttempt(logger: AttemptLogger, entry: AttemptLogEntry, redact: Redactor): void {
  const { operation, method, path, status, outcome, durationMs, attempt, requestId } = entry;
  const line = redact(
    `hwsec ${operation} ${method} ${path} -> ${status ?? outcome}${status && outcome !== 'ok' ? ` ${outcome}` : ''} in ${durationMs} ms (attempt ${attempt}${requestId ? `, request id ${requestId}` : ''})`,
  );
  try {
    logger(line, entry);
  } catch {
    // A failing logger never changes a call's outcome (and so never causes a resend).
  }
}
