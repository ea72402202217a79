/**
 * The HTTP front of one mocked service. Prism routes, validates and mocks (or forwards); this
 * layer decides which outcome (outcomes.ts) a request gets, in the order the real cloud applies
 * its checks: malformed request (gateway 400) → unknown API (gateway 404) → authentication
 * (gateway 401) → unparseable body, then parameters (service 400) → the answer or the proxy.
 * With `--stateful` the answer to a valid request comes from the simulation (stateful/), and
 * `/_hwsec/` is the control API. Faults armed on purpose (fault-injection.ts) cut a request
 * before any of this, or lose its answer after it.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getHttpConfigFromRequest } from '@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js';
import type { ApiEntry } from '@hwsec/spec';
import { checkAuthentication, type AuthGateOptions } from './auth-gate.js';
import type { CorsPolicy } from './cors.js';
import { writeOutcome, type Outcome } from './outcomes.js';
import type { IHttpConfig, IHttpRequest, PrismEngine } from './prism-engine.js';
import { isError, type PrismDiagnostic } from './prism-diagnostics.js';
import {
  malformedRequest,
  receivedHeaders,
  repeatedHeaders,
  type ReceivedRequest,
} from './received-request.js';
import { BodyTooLargeError, parseBody, readRawBody, type ParsedBody } from './request-body.js';
import { gatewayRequestErrorBody } from './error-bodies.js';
import { toRawViolations } from './violations-header.js';
import { isControlPath, isProjectLines } from './stateful/control-api.js';
import {
  controlAllowed,
  CONTROL_TOKEN_REQUIRED,
  isLoopbackAddress,
} from './stateful/control-access.js';
import {
  disarmOnReset,
  FAULTS_LOOPBACK_ONLY,
  handleFaultControl,
  isFaultControlPath,
} from './fault-control.js';
import type { Fault, FaultInjection, FaultTarget } from './fault-injection.js';
import type { StatefulMode } from './stateful/stateful-mode.js';

export { VIOLATIONS_HEADER } from './violations-header.js';

export interface RequestLogEntry {
  readonly service: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  /** A fault armed on purpose hit the request, e.g. `after reset` (then `status` means nothing). */
  readonly fault?: string;
}

export interface HandlerOptions {
  readonly service: ApiEntry;
  readonly engine: PrismEngine;
  readonly auth: AuthGateOptions;
  readonly onRequest?: ((entry: RequestLogEntry) => void) | undefined;
  /** `--stateful`: valid requests of simulated operations are answered from the state. */
  readonly stateful?: StatefulMode | undefined;
  /** Set when bound beyond loopback: other machines need it for the control API. */
  readonly controlToken?: string | undefined;
  /** The faults armed through `/_hwsec/faults`, shared by every service of the mock. */
  readonly faults?: FaultInjection | undefined;
  /** Browsers' cross-origin access: preflights answered, allowed origins' headers added. */
  readonly cors?: CorsPolicy | undefined;
}

const ROUTE_ERRORS = /#NO_(PATH|METHOD|SERVER|RESOURCE)_(MATCHED|PROVIDED)_ERROR$/;

export function newRequestId(): string {
  return randomUUID().replaceAll('-', '');
}

function queryOf(searchParams: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    query[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return query;
}

function prismInput(request: ReceivedRequest, parsed: ParsedBody): IHttpRequest {
  const { pathname, searchParams } = new URL(`http://mock.invalid${request.target}`);
  const method = request.method.toLowerCase() as IHttpRequest['method'];
  const headers = { ...request.headers } as Record<string, string>;
  if (method === 'get') delete headers['content-length'];
  return {
    method,
    url: { path: pathname, query: queryOf(searchParams) },
    headers,
    // Huawei's gateway ignores a GET's body, and Huawei's own Node SDK core sends `{}` with every
    // GET (its IAM project lookup too): validated as if absent. A signature still covers it.
    body:
      method === 'get'
        ? null
        : parsed.kind === 'json' || parsed.kind === 'text'
          ? parsed.value
          : parsed.kind === 'unparseable'
            ? request.body.toString('utf8')
            : null,
  };
}

/** `Prefer: code=abc` and the like are a client's mistake: worded as a bad `prefer` header. */
function preferenceDiagnostic(error: { message?: string; detail?: string }): PrismDiagnostic {
  // Prism's detail reads `optional property "code"\n└─ cannot decode "abc", should be a number`.
  const detail = (error.detail ?? error.message ?? 'not understood').replace(/\s*\n[└─\s]*/g, ': ');
  return {
    path: ['header', 'prefer'],
    code: 'prefer',
    message: `must be valid: ${detail}`,
    severity: 0,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function decideOutcome(
  request: ReceivedRequest,
  { engine, auth, stateful, controlToken, faults }: HandlerOptions,
  remoteAddress: string | undefined,
): Promise<Outcome> {
  const malformed = malformedRequest(request);
  if (malformed)
    return { kind: 'gateway-request-error', status: 400, message: `request error: ${malformed}` };
  if (faults && isFaultControlPath(request.target)) {
    // Without --stateful the mock makes no control token: its faults are loopback's alone.
    if (
      controlToken === undefined
        ? !isLoopbackAddress(remoteAddress)
        : !controlAllowed(controlToken, remoteAddress, request.headers['authorization'])
    )
      return {
        kind: 'control',
        status: 401,
        body: {
          error_code: 'HWSEC.0401',
          error_msg: controlToken === undefined ? FAULTS_LOOPBACK_ONLY : CONTROL_TOKEN_REQUIRED,
        },
      };
    const { status, body } = handleFaultControl(faults, request);
    return { kind: 'control', status, body };
  }
  if (stateful && isControlPath(request.target)) {
    if (!controlAllowed(controlToken, remoteAddress, request.headers['authorization']))
      return {
        kind: 'control',
        status: 401,
        body: { error_code: 'HWSEC.0401', error_msg: CONTROL_TOKEN_REQUIRED },
      };
    const answer = await stateful.control(request);
    if (faults && answer.kind === 'control' && answer.status === 204)
      disarmOnReset(faults, request.method, request.target);
    return answer;
  }

  const parsed = parseBody(request.body, request.headers['content-type']);
  const input = prismInput(request, parsed);
  const preferences = getHttpConfigFromRequest(input);
  const config: IHttpConfig =
    preferences._tag === 'Right'
      ? { ...engine.config, mock: { ...engine.config.mock, ...stripUndefined(preferences.right) } }
      : engine.config;
  const result = await engine.instance.request(input, engine.operations, config)();

  if (result._tag === 'Left' && ROUTE_ERRORS.test(result.left.name))
    return { kind: 'gateway-not-found' };
  const failure = await checkAuthentication(request, auth);
  const prismSaw401 =
    result._tag === 'Left'
      ? (result.left as { status?: number }).status === 401
      : result.right.validations.input.some((d) => d.code === 401);
  if (failure || prismSaw401)
    return { kind: 'unauthorized', failure: failure ?? { kind: 'missing' } };
  if (preferences._tag === 'Left')
    return {
      kind: 'invalid-request',
      diagnostics: [preferenceDiagnostic(preferences.left)],
    };
  if (parsed.kind === 'unparseable') return { kind: 'unparseable-body', reason: parsed.reason };

  if (result._tag === 'Left') {
    const error = result.left as Error & { status?: number; additional?: Record<string, unknown> };
    // Proxy mode refuses an invalid request before forwarding it (Prism `proxy --errors`); it is
    // still worded as the service would.
    const validation = error.additional?.['validation'];
    if (error.status === 422 && Array.isArray(validation)) {
      const diagnostics = (
        validation as Array<{ location?: string[]; code?: string | number; message: string }>
      ).map((v) => ({ path: v.location, code: v.code, message: v.message, severity: 0 }));
      return { kind: 'invalid-request', diagnostics };
    }
    // A `Prefer` naming a status or example the operation does not document (Prism: 404).
    if (error.status === 404 && request.headers['prefer'] !== undefined)
      return {
        kind: 'invalid-request',
        diagnostics: [preferenceDiagnostic(error as { detail?: string })],
      };
    return { kind: 'prism-problem', error };
  }

  const { output, validations } = result.right;
  if (validations.input.some(isError))
    return { kind: 'invalid-request', diagnostics: validations.input };
  const outputViolations = toRawViolations('response', validations.output);
  const violations = [...toRawViolations('request', validations.input), ...outputViolations];
  if (engine.config.isProxy && outputViolations.some((v) => v.severity === 'Error'))
    return { kind: 'invalid-upstream-answer', violations };
  // A `Prefer` asks for a documented answer, so it gets Prism's and changes nothing.
  if (stateful && !engine.config.isProxy && request.headers['prefer'] === undefined) {
    const simulated = await stateful.simulate(engine.operations, input);
    if (simulated) return simulated;
  }
  return {
    kind: 'answer',
    status: output.statusCode,
    headers: (output.headers ?? {}) as Record<string, string>,
    body: output.body,
    violations,
    proxied: engine.config.isProxy,
  };
}

export function createServiceHandler(options: HandlerOptions) {
  const { service } = options;

  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = newRequestId();
    response.setHeader('X-Request-Id', requestId);
    const { faults } = options;
    const target: FaultTarget = {
      service: service.id,
      method: request.method ?? 'GET',
      target: request.url ?? '/',
    };
    let hit: Fault | undefined;
    try {
      if (options.cors?.apply(request, response)) return;
      hit = faults?.take('before', target);
      if (hit) return await faults!.cut(hit, request);
      // A project imported as JSON lines is read as it arrives, never held as one body.
      const streamed =
        options.stateful !== undefined &&
        isControlPath(request.url ?? '/') &&
        isProjectLines(request.headers['content-type']);
      let body: Buffer;
      try {
        body = streamed ? Buffer.alloc(0) : await readRawBody(request);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        writeOutcome(
          response,
          { kind: 'gateway-request-error', status: 413, message: 'request entity too large' },
          service,
          requestId,
        );
        return;
      }
      const received: ReceivedRequest = {
        method: request.method ?? 'GET',
        target: request.url ?? '/',
        headers: receivedHeaders(request.headers),
        repeated: repeatedHeaders(request.rawHeaders),
        body,
        ...(streamed && { stream: request }),
      };
      const outcome = await decideOutcome(received, options, request.socket.remoteAddress);
      hit = faults?.take('after', target);
      if (hit) return await faults!.loseAnswer(hit, response, requestId);
      writeOutcome(response, outcome, service, requestId, received.headers);
    } catch (error) {
      // A fault of the mock itself: still in the gateway's shape, never a bare socket close.
      if (!response.headersSent) {
        const text = JSON.stringify(
          gatewayRequestErrorBody(`mock error: ${(error as Error).message}`, requestId),
        );
        response.writeHead(500, { 'content-type': 'application/json' }).end(text);
      } else response.end();
    } finally {
      options.onRequest?.({
        service: service.id,
        method: request.method ?? 'GET',
        path: (request.url ?? '/').split('?')[0] ?? '/',
        status: response.statusCode,
        durationMs: performance.now() - started,
        ...(hit && { fault: `${hit.when} ${hit.fault}` }),
      });
    }
  };
}
