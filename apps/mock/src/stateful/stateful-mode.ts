/**
 * `--stateful`: one store shared by every service of the mock process (one tenant per project
 * id, as in the cloud), the simulated operations by operationId, and the control API. The
 * service handler asks it only about requests that passed the gateway, authentication and
 * Prism's validation.
 */
import type { Outcome } from '../outcomes.js';
import type { HttpOperations, IHttpRequest } from '../prism-engine.js';
import { handleControl, type ControlRequest } from './control-api.js';
import { loadControlDocument } from './control-document.js';
import { createProductOrder } from './dsc-orders.js';
import { createQuotasOrder, showResourceQuotas } from './hss-quotas.js';
import { updateSubscriptionOrder } from './secmaster-subscriptions.js';
import type { Simulation } from './simulation.js';
import { loadStateFile, stateFileWriter } from './state-file.js';
import { StateStore } from './state-store.js';

export { StateFileError } from './state-file.js';

const SIMULATIONS: Readonly<Record<string, Simulation>> = {
  CreateQuotasOrder: createQuotasOrder,
  ShowResourceQuotas: showResourceQuotas,
  CreateProductOrder: createProductOrder,
  UpdateSubscriptionOrder: updateSubscriptionOrder,
};

export interface StatefulOptions {
  /** Makes order and resource ids repeat run to run. */
  readonly seed?: string | undefined;
  /** Keep the state in this file, durable before each answer. */
  readonly stateFile?: string | undefined;
  readonly now: () => Date;
}

export interface StatefulMode {
  readonly store: StateStore;
  control(request: ControlRequest): Promise<Outcome>;
  /** The simulated answer to a valid request, or undefined when the operation is not simulated. */
  simulate(operations: HttpOperations, input: IHttpRequest): Promise<Outcome | undefined>;
}

const SAVE_FAILED = 'the state could not be saved, so nothing changed';

function matchOperation(
  operations: HttpOperations,
  method: string,
  path: string,
): { operationId: string; projectId: string } | undefined {
  for (const operation of operations) {
    if (operation.method !== method || operation.iid === undefined) continue;
    const names: string[] = [];
    const pattern = operation.path
      .split(/(\{[^}]+\})/)
      .map((part) => {
        if (!part.startsWith('{')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(part.slice(1, -1));
        return '([^/]+)';
      })
      .join('');
    const match = new RegExp(`^${pattern}$`).exec(path);
    if (!match) continue;
    const projectAt = names.indexOf('project_id');
    if (projectAt < 0) return undefined;
    return {
      operationId: operation.iid,
      projectId: decodeURIComponent(match[projectAt + 1]!),
    };
  }
  return undefined;
}

export async function createStatefulMode(options: StatefulOptions): Promise<StatefulMode> {
  const control = loadControlDocument();
  const initial = options.stateFile
    ? await loadStateFile(options.stateFile, (state) => control.checkProjectState(state))
    : undefined;
  const store = new StateStore({
    seed: options.seed,
    now: options.now,
    initial,
    persist: options.stateFile ? stateFileWriter(options.stateFile) : undefined,
  });

  return {
    store,
    async control(request) {
      try {
        const { status, body } = await handleControl(store, control, request);
        return { kind: 'control', status, body };
      } catch (error) {
        return {
          kind: 'control',
          status: 500,
          body: {
            error_code: 'HWSEC.0500',
            error_msg: `${SAVE_FAILED}: ${(error as Error).message}`,
          },
        };
      }
    },
    async simulate(operations, input) {
      const matched = matchOperation(operations, input.method, input.url.path);
      const simulation = matched && SIMULATIONS[matched.operationId];
      if (!matched || !simulation) return undefined;
      let result;
      try {
        result = await simulation(store, {
          projectId: matched.projectId,
          query: (input.url.query ?? {}) as Record<string, string | string[]>,
          body: input.body,
        });
      } catch (error) {
        throw new Error(`${SAVE_FAILED} (${(error as Error).message})`);
      }
      return result.kind === 'refused'
        ? { kind: 'refused', refusal: result.refusal }
        : {
            kind: 'answer',
            status: result.status,
            headers: { 'content-type': 'application/json' },
            body: result.body,
            violations: [],
            proxied: false,
          };
    },
  };
}
