/**
 * A small typed client of the mock's control API, for tests and users: the faults, a project's
 * state and the billing clock. Its types are generated from the control API document
 * (src/generated/, from spec/control/), and every path it calls is checked against that
 * document's paths at compile time, so a change to the document shows here as a type error, not
 * as a 404 at run time.
 */
import type { components, paths } from './generated/control-api.js';

type Schemas = components['schemas'];
export type ControlFaultArm = Schemas['FaultArm'];
export type ControlFault = Schemas['Fault'];
export type ControlProjectState = Schemas['ProjectState'];
export type ControlErrorBody = Schemas['ControlError'];
export type ControlClock = Schemas['Clock'];

/** A control call the mock refused: its status and the `HWSEC.0xxx` body naming the field. */
export class ControlApiError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly body: ControlErrorBody | undefined,
  ) {
    super(
      `${operation} failed: HTTP ${status}${body ? ` ${body.error_code}: ${body.error_msg}` : ''}`,
    );
    this.name = 'ControlApiError';
  }
}

export interface ControlClientOptions {
  /** Any service port of the mock, e.g. `http://127.0.0.1:4010`. */
  readonly baseUrl: string;
  /** The control token, needed only from another machine (`--control-token`). */
  readonly token?: string | undefined;
}

const path = <P extends keyof paths>(template: P, id?: string): string =>
  id === undefined ? template : template.replace(/\{[^}]+\}/, encodeURIComponent(id));

export function createControlClient({ baseUrl, token }: ControlClientOptions) {
  const call = async <T>(
    operation: string,
    method: string,
    target: string,
    body?: unknown,
  ): Promise<T> => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    const response = await fetch(new URL(target, baseUrl), {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (!response.ok)
      throw new ControlApiError(operation, response.status, parsed as ControlErrorBody);
    return parsed as T;
  };

  return {
    /** ArmFault: the next `count` matching requests fail as asked. */
    armFault: (arm: ControlFaultArm) =>
      call<ControlFault>('ArmFault', 'POST', path('/_hwsec/faults'), arm),
    /** ListFaults: the armed faults, in the order they were armed. */
    listFaults: async () =>
      (await call<Schemas['FaultList']>('ListFaults', 'GET', path('/_hwsec/faults'))).faults,
    /** DisarmAllFaults. */
    disarmAllFaults: () => call<void>('DisarmAllFaults', 'DELETE', path('/_hwsec/faults')),
    /** DisarmFault: one fault, by the id ArmFault returned. */
    disarmFault: (faultId: string) =>
      call<void>('DisarmFault', 'DELETE', path('/_hwsec/faults/{fault_id}', faultId)),
    /** GetProjectState: the project's whole state (stateful mode). */
    getProjectState: (projectId: string) =>
      call<ControlProjectState>(
        'GetProjectState',
        'GET',
        path('/_hwsec/state/{project_id}', projectId),
      ),
    /** ReplaceProjectState: seeds the project (stateful mode). */
    replaceProjectState: (projectId: string, state: Partial<ControlProjectState>) =>
      call<ControlProjectState>(
        'ReplaceProjectState',
        'PUT',
        path('/_hwsec/state/{project_id}', projectId),
        state,
      ),
    /** ResetProjectState: forgets the project, and disarms the faults scoped to it. */
    resetProjectState: (projectId: string) =>
      call<void>('ResetProjectState', 'DELETE', path('/_hwsec/state/{project_id}', projectId)),
    /** ResetAllState: forgets every project, disarms every fault, puts the clock back. */
    resetAllState: () => call<void>('ResetAllState', 'DELETE', path('/_hwsec/state')),
    /** ShowClock: the billing clock's time and its offset from real time (stateful mode). */
    showClock: () => call<ControlClock>('ShowClock', 'GET', path('/_hwsec/clock')),
    /**
     * AdvanceClock: moves the billing clock forward (order status, periods, expiry); signatures
     * keep real time (stateful mode).
     */
    advanceClock: (advance: Schemas['ClockAdvance']) =>
      call<ControlClock>('AdvanceClock', 'POST', path('/_hwsec/clock'), advance),
  };
}

export type ControlClient = ReturnType<typeof createControlClient>;
