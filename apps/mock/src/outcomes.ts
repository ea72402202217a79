/**
 * Every way the mock can answer, and how each is written: the one place that maps an outcome to
 * a status and a body. service-handler.ts decides which outcome a request gets.
 */
import type { ServerResponse } from 'node:http';
import prismHttp from '@stoplight/prism-http';
import { serialize } from '@stoplight/prism-http-server/dist/serialize.js';
import type { ApiEntry } from '@hwsec/spec';
import {
  gatewayAuthBody,
  gatewayNotFoundBody,
  gatewayRequestErrorBody,
  invalidParameterBody,
  unparseableBodyBody,
  type AuthFailure,
} from './error-bodies.js';
import { describeViolations, type PrismDiagnostic } from './prism-diagnostics.js';
import { refusalBody, type Refusal } from './stateful/refusals.js';
import { setViolationsHeader, toRawViolations, type RawViolation } from './violations-header.js';

const { ProblemJsonError, VIOLATIONS } = prismHttp;

type PrismError = Error & { status?: number; additional?: Record<string, unknown> };

export type Outcome =
  /** The gateway refuses a malformed request line or Host (400), or a too large body (413). */
  | { readonly kind: 'gateway-request-error'; readonly status: 400 | 413; readonly message: string }
  /** No operation at this path and method: the gateway's 404. */
  | { readonly kind: 'gateway-not-found' }
  /** Credentials missing, of the wrong scheme, or (signature mode) not valid: the gateway's 401. */
  | { readonly kind: 'unauthorized'; readonly failure: AuthFailure }
  /** A body that is not JSON (or not UTF-8, or with a lone surrogate): the service's 400. */
  | { readonly kind: 'unparseable-body'; readonly reason: string }
  /** Parameters, headers or body that break the spec (or a bad `Prefer`): the service's 400. */
  | {
      readonly kind: 'invalid-request';
      readonly diagnostics: readonly PrismDiagnostic[];
    }
  /** The answer: a documented example, a generated body, or what the upstream sent. */
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: unknown;
      readonly violations: readonly RawViolation[];
      /** A proxied answer keeps the upstream's X-Request-Id, if it sent one. */
      readonly proxied: boolean;
    }
  /** Validating proxy: the upstream's answer breaks the spec (Prism `proxy --errors`); all of
   * Prism's diagnostics go into the header, the errors into the problem document. */
  | { readonly kind: 'invalid-upstream-answer'; readonly violations: readonly RawViolation[] }
  /** Any other verdict of Prism's (e.g. the upstream cannot be reached), as its problem document. */
  | { readonly kind: 'prism-problem'; readonly error: PrismError }
  /** Stateful mode: a valid request the project's state does not allow, in the service's shape. */
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  /** Stateful mode: the control API's answer (no body for 204). */
  | {
      readonly kind: 'control';
      readonly status: number;
      readonly body: unknown;
      /** A project as JSON lines (`application/x-ndjson`), written as they come. */
      readonly lines?: Iterable<string> | undefined;
    };

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function sendProblem(response: ServerResponse, error: PrismError): void {
  const headers = (error.additional?.['headers'] ?? {}) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  sendJson(
    response,
    error.status ?? 500,
    ProblemJsonError.toProblemJson(error),
    'application/problem+json',
  );
}

function sendAnswer(
  response: ServerResponse,
  outcome: Extract<Outcome, { kind: 'answer' }>,
  requestId: string,
): void {
  setViolationsHeader(response, outcome.violations);
  for (const [name, value] of Object.entries(outcome.headers)) {
    // The body is re-serialised below (and arrives decompressed from an upstream).
    if (!/^content-(length|encoding)$/i.test(name)) response.setHeader(name, value);
  }
  if (!outcome.proxied) response.setHeader('X-Request-Id', requestId);
  const text = serialize(outcome.body, response.getHeader('content-type') as string | undefined) as
    string | undefined;
  if (text !== undefined) response.setHeader('content-length', Buffer.byteLength(text));
  response.statusCode = outcome.status;
  response.end(text);
}

export function writeOutcome(
  response: ServerResponse,
  outcome: Outcome,
  service: ApiEntry,
  requestId: string,
  /** The request's headers: the service words its own errors in the language they ask for. */
  requestHeaders: Readonly<Record<string, string | undefined>> = {},
): void {
  switch (outcome.kind) {
    case 'gateway-request-error':
      return sendJson(
        response,
        outcome.status,
        gatewayRequestErrorBody(outcome.message, requestId),
      );
    case 'gateway-not-found':
      return sendJson(response, 404, gatewayNotFoundBody(requestId));
    case 'unauthorized':
      return sendJson(response, 401, gatewayAuthBody(outcome.failure, requestId));
    case 'unparseable-body':
      return sendJson(response, 400, unparseableBodyBody(service, outcome.reason, requestHeaders));
    case 'invalid-request':
      setViolationsHeader(response, toRawViolations('request', outcome.diagnostics));
      return sendJson(
        response,
        400,
        invalidParameterBody(service, describeViolations(outcome.diagnostics), requestHeaders),
      );
    case 'answer':
      return sendAnswer(response, outcome, requestId);
    case 'invalid-upstream-answer':
      setViolationsHeader(response, outcome.violations);
      return sendProblem(
        response,
        ProblemJsonError.fromTemplate(
          VIOLATIONS,
          'The upstream response is not valid against the spec (validating proxy, Prism --errors semantics).',
          { validation: outcome.violations.filter((v) => v.severity === 'Error') },
        ),
      );
    case 'prism-problem':
      return sendProblem(response, outcome.error);
    case 'refused':
      return sendJson(
        response,
        outcome.refusal.status,
        refusalBody(service, outcome.refusal, requestHeaders),
      );
    case 'control':
      if (outcome.lines !== undefined) return sendLines(response, outcome.status, outcome.lines);
      if (outcome.body === undefined) return void response.writeHead(outcome.status).end();
      return sendJson(response, outcome.status, outcome.body);
  }
}

/** Writes lines one by one, waiting whenever the client reads slower than they are made. */
function sendLines(response: ServerResponse, status: number, lines: Iterable<string>): void {
  response.writeHead(status, { 'content-type': 'application/x-ndjson' });
  const iterator = lines[Symbol.iterator]();
  const pump = () => {
    for (let next = iterator.next(); !next.done; next = iterator.next())
      if (!response.write(next.value)) return void response.once('drain', pump);
    response.end();
  };
  pump();
}
