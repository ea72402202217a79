/**
 * The HTTP front of one mocked service. Prism routes, validates and mocks (or forwards); this
 * layer only decides how the outcome is worded, in the order the real cloud applies its checks:
 * unknown API (gateway 404) → authentication (gateway 401) → parameters (service 400) → answer.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import prismHttp from '@stoplight/prism-http';
import { getHttpConfigFromRequest } from '@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js';
import { serialize } from '@stoplight/prism-http-server/dist/serialize.js';
import { checkAuthentication, type AuthGateOptions } from './auth-gate.js';
import {
  gatewayAuthBody,
  gatewayNotFoundBody,
  invalidParameterBody,
  unparseableBodyBody,
  type AuthFailure,
} from './error-bodies.js';
import type { IHttpConfig, IHttpRequest, PrismEngine } from './prism-engine.js';
import { parseBody, readRawBody } from './request-body.js';
import type { ServiceDefinition } from './services.js';
import { describeViolations, isError, type PrismDiagnostic } from './violations.js';

const { ProblemJsonError, VIOLATIONS } = prismHttp;

export interface RequestLogEntry {
  readonly service: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
}

export interface HandlerOptions {
  readonly service: ServiceDefinition;
  readonly engine: PrismEngine;
  readonly auth: AuthGateOptions;
  readonly onRequest?: ((entry: RequestLogEntry) => void) | undefined;
}

/** Header carrying Prism's raw diagnostics (same JSON as Prism's own `sl-violations`). */
export const VIOLATIONS_HEADER = 'x-hwsec-violations';
const MAX_HEADER_LENGTH = 8 * 1024 - 100;
const ROUTE_ERRORS = /#NO_(PATH|METHOD|SERVER|RESOURCE)_(MATCHED|PROVIDED)_ERROR$/;

interface RawViolation {
  location: string[];
  severity: string;
  code: string | number | undefined;
  message: string;
}

const SEVERITY_NAMES = ['Error', 'Warning', 'Information', 'Hint'];

function toRawViolations(
  where: 'request' | 'response',
  diagnostics: readonly PrismDiagnostic[],
): RawViolation[] {
  return diagnostics.map((d) => ({
    location: [where, ...(d.path ?? [])],
    severity: SEVERITY_NAMES[d.severity] ?? String(d.severity),
    code: d.code,
    message: d.message,
  }));
}

function setViolationsHeader(response: ServerResponse, violations: readonly RawViolation[]): void {
  if (violations.length === 0) return;
  let value = JSON.stringify(violations);
  if (value.length > MAX_HEADER_LENGTH)
    value = `Too many violations! ${value.slice(0, MAX_HEADER_LENGTH)}`;
  response.setHeader(VIOLATIONS_HEADER, value);
}

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

function sendProblem(
  response: ServerResponse,
  error: Error & { status?: number; additional?: Record<string, unknown> },
): void {
  const headers = (error.additional?.['headers'] ?? {}) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  sendJson(
    response,
    error.status ?? 500,
    ProblemJsonError.toProblemJson(error),
    'application/problem+json',
  );
}

function queryOf(searchParams: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    query[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return query;
}

export function newRequestId(): string {
  return randomUUID().replaceAll('-', '');
}

export function createServiceHandler(options: HandlerOptions) {
  const { service, engine, auth } = options;

  async function respond(
    request: IncomingMessage,
    response: ServerResponse,
    requestId: string,
  ): Promise<void> {
    const target = request.url ?? '/';
    const raw = await readRawBody(request);
    const headers = request.headers as Record<string, string>;
    const parsed = parseBody(raw, headers['content-type']);
    const { pathname, searchParams } = new URL(target, 'http://mock.invalid');
    const input: IHttpRequest = {
      method: (request.method ?? 'GET').toLowerCase() as IHttpRequest['method'],
      url: { path: pathname, query: queryOf(searchParams) },
      headers,
      body:
        parsed.kind === 'json' || parsed.kind === 'text'
          ? parsed.value
          : parsed.kind === 'unparseable'
            ? raw
            : null,
    };

    const preferences = getHttpConfigFromRequest(input);
    if (preferences._tag === 'Left') return sendProblem(response, preferences.left);
    const config: IHttpConfig = {
      ...engine.config,
      mock: { ...engine.config.mock, ...stripUndefined(preferences.right) },
    };

    const result = await engine.instance.request(input, engine.operations, config)();
    const authFailure = (): Promise<AuthFailure | undefined> =>
      checkAuthentication(
        { method: input.method, target, headers: request.headers, body: raw },
        auth,
      );

    if (result._tag === 'Left') {
      const error = result.left as Error & {
        status?: number;
        additional?: Record<string, unknown>;
      };
      if (ROUTE_ERRORS.test(error.name))
        return sendJson(response, 404, gatewayNotFoundBody(requestId));
      if (error.status === 401)
        return sendJson(
          response,
          401,
          gatewayAuthBody((await authFailure()) ?? { kind: 'missing' }, requestId),
        );
      // Proxy mode refuses an invalid request before forwarding it (Prism `proxy --errors`); we
      // still word that refusal as the service would.
      const validation = error.additional?.['validation'];
      if (error.status === 422 && Array.isArray(validation)) {
        const diagnostics = (
          validation as Array<{ location?: string[]; code?: string | number; message: string }>
        ).map((v) => ({ path: v.location, code: v.code, message: v.message, severity: 0 }));
        return rejectInvalid(response, diagnostics);
      }
      return sendProblem(response, error);
    }

    const { output, validations } = result.right;
    const failure = await authFailure();
    if (failure || validations.input.some((d) => d.code === 401)) {
      return sendJson(response, 401, gatewayAuthBody(failure ?? { kind: 'missing' }, requestId));
    }
    if (parsed.kind === 'unparseable')
      return sendJson(response, 400, unparseableBodyBody(service, parsed.reason));
    const inputErrors = validations.input.filter(isError);
    if (inputErrors.length > 0) return rejectInvalid(response, validations.input);

    const outputViolations = toRawViolations('response', validations.output);
    setViolationsHeader(response, [
      ...toRawViolations('request', validations.input),
      ...outputViolations,
    ]);
    if (engine.config.isProxy && outputViolations.some((v) => v.severity === 'Error')) {
      return sendProblem(
        response,
        ProblemJsonError.fromTemplate(
          VIOLATIONS,
          'The upstream response is not valid against the spec (validating proxy, Prism --errors semantics).',
          { validation: outputViolations.filter((v) => v.severity === 'Error') },
        ),
      );
    }
    for (const [name, value] of Object.entries(output.headers ?? {})) {
      // The body is re-serialised below (and arrives decompressed from an upstream).
      if (!/^content-(length|encoding)$/i.test(name)) response.setHeader(name, value);
    }
    // A mocked answer carries our request id; a proxied one keeps the upstream's, if it sent one.
    if (!engine.config.isProxy) response.setHeader('X-Request-Id', requestId);
    const text = serialize(
      output.body,
      response.getHeader('content-type') as string | undefined,
    ) as string | undefined;
    if (text !== undefined) response.setHeader('content-length', Buffer.byteLength(text));
    response.statusCode = output.statusCode;
    response.end(text);
  }

  function rejectInvalid(response: ServerResponse, diagnostics: readonly PrismDiagnostic[]): void {
    setViolationsHeader(response, toRawViolations('request', diagnostics));
    sendJson(response, 400, invalidParameterBody(service, describeViolations(diagnostics)));
  }

  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = newRequestId();
    response.setHeader('X-Request-Id', requestId);
    try {
      await respond(request, response, requestId);
    } catch (error) {
      if (!response.headersSent) {
        const status = (error as { status?: number }).status ?? 500;
        sendJson(response, status, {
          error_code: 'APIG.0201',
          error_msg: (error as Error).message,
          request_id: requestId,
        });
      } else response.end();
    }
    options.onRequest?.({
      service: service.id,
      method: request.method ?? 'GET',
      path: (request.url ?? '/').split('?')[0] ?? '/',
      status: response.statusCode,
      durationMs: performance.now() - started,
    });
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
