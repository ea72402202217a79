/**
 * Faults on purpose (the control API's `/_hwsec/faults`, fault-control.ts): the next requests
 * that match fail, either before the mock looks at them (so they change nothing) or after it
 * handled them fully (an order placed, a payment applied, the state saved) with the answer lost.
 * That is what a client cannot tell apart on a real network, and what "was my order placed?"
 * has to be answered for. The service handler asks here twice per request, and nowhere else:
 * `take('before', …)` as it arrives, `take('after', …)` once its outcome is decided.
 *
 * Faults live in memory only (never in the state file), shared by every port of one mock.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gatewayBackendBody } from './error-bodies.js';
import type { components } from './generated/control-api.js';
import { routerOf, type OperationRouter, type OperationRoute } from './operation-route.js';
import type { HttpOperations } from './prism-engine.js';
import { readRawBody } from './request-body.js';

/** The control API's FaultArm (checked by fault-control.ts) and Fault, from its document. */
export type FaultArm = components['schemas']['FaultArm'];
export type Fault = components['schemas']['Fault'];
export type FaultWhen = FaultArm['when'];
export type FaultKind = FaultArm['fault'];

/** Which faults make sense when: a request not read cannot be answered late, and so on. */
export const FAULTS_WHEN: Readonly<Record<FaultWhen, readonly FaultKind[]>> = {
  before: ['reset', 'refuse'],
  after: ['reset', 'stall', 'bad-gateway', 'gateway-timeout'],
};

/** What a fault is matched against. */
export interface FaultTarget {
  readonly service: string;
  readonly method: string;
  /** The request target (path and query). */
  readonly target: string;
}

function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const have = path.split('/');
  return (
    want.length === have.length &&
    want.every((segment, i) => /^\{[^/]+\}$/.test(segment) || segment === have[i])
  );
}

function matches(fault: Fault, target: FaultTarget, path: string, route: OperationRoute): boolean {
  return (
    (fault.service === undefined || fault.service === target.service) &&
    (fault.operation_id === undefined || fault.operation_id === route.operationId) &&
    (fault.method === undefined || fault.method === target.method.toUpperCase()) &&
    (fault.path === undefined || pathMatches(fault.path, path)) &&
    (fault.project_id === undefined || fault.project_id === route.projectId)
  );
}

export class FaultInjection {
  private armed: Fault[] = [];
  private armedTotal = 0;
  private readonly routers: ReadonlyMap<string, OperationRouter>;
  /** Answers held by a stall: ended when the mock stops. */
  private readonly stalled = new Set<ServerResponse>();
  private stopping = false;

  /** `services`: the operations of every API this mock serves, by API id. */
  constructor(services: ReadonlyMap<string, HttpOperations>) {
    this.routers = new Map([...services].map(([id, ops]) => [id, routerOf(ops)]));
  }

  /** The API ids this mock serves. */
  get services(): readonly string[] {
    return [...this.routers.keys()];
  }

  /** The operationIds of one served API. */
  operationsOf(service: string): ReadonlySet<string> {
    return this.routers.get(service)?.operationIds ?? new Set();
  }

  arm(arm: FaultArm): Fault {
    const count = arm.count ?? 1;
    const fault: Fault = {
      fault_id: `fault-${++this.armedTotal}`,
      ...arm,
      count,
      remaining: count,
    };
    this.armed.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.armed;
  }

  disarm(faultId: string): boolean {
    const before = this.armed.length;
    this.armed = this.armed.filter((f) => f.fault_id !== faultId);
    return this.armed.length < before;
  }

  disarmAll(): void {
    this.armed = [];
  }

  /** A project reset: its scoped faults go with its state. */
  disarmProject(projectId: string): void {
    this.armed = this.armed.filter((f) => f.project_id !== projectId);
  }

  /**
   * The fault that hits this request at this point, if any: the first armed that matches, one
   * of its count used up. A request that reaches no operation of its API is never hit.
   */
  take(when: FaultWhen, target: FaultTarget): Fault | undefined {
    if (!this.armed.some((f) => f.when === when)) return undefined;
    const path = target.target.split('?', 1)[0]!;
    const route = this.routers.get(target.service)?.route(target.method, path);
    if (!route) return undefined;
    const index = this.armed.findIndex((f) => f.when === when && matches(f, target, path, route));
    if (index < 0) return undefined;
    const fault = this.armed[index]!;
    const remaining = fault.remaining - 1;
    if (remaining === 0) this.armed.splice(index, 1);
    else this.armed[index] = { ...fault, remaining };
    return fault;
  }

  /**
   * A request hit before the mock looks at it: `refuse` closes the connection without reading
   * the body; `reset` reads the request, then resets the connection. Nothing is handled.
   */
  async cut(fault: Fault, request: IncomingMessage): Promise<void> {
    if (fault.fault === 'reset') {
      await readRawBody(request).catch(() => undefined);
      request.socket.resetAndDestroy();
    } else request.socket.destroy();
  }

  /**
   * A request handled, its answer lost: a reset, a stall (held until the client closes the
   * connection or the mock stops), or the gateway's 502/504 in place of the answer.
   */
  async loseAnswer(fault: Fault, response: ServerResponse, requestId: string): Promise<void> {
    switch (fault.fault) {
      case 'bad-gateway':
      case 'gateway-timeout': {
        const status = fault.fault === 'bad-gateway' ? 502 : 504;
        const text = JSON.stringify(gatewayBackendBody(status, requestId));
        response.writeHead(status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        });
        response.end(text);
        return;
      }
      case 'stall':
        if (response.socket === null || response.socket.destroyed) return;
        if (this.stopping) return void response.socket.destroy();
        this.stalled.add(response);
        await new Promise<void>((resolve) => response.once('close', resolve));
        this.stalled.delete(response);
        return;
      default:
        response.socket?.resetAndDestroy();
    }
  }

  /** The mock stops: every stalled answer's connection is closed now, not after the grace. */
  endStalls(): void {
    this.stopping = true;
    for (const response of this.stalled) response.socket?.destroy();
  }
}
