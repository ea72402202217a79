/**
 * `--stateful`: one store shared by every service of the mock process (one tenant per project
 * id, as in the cloud), the simulated operations by operationId, and the control API. The
 * service handler asks it only about requests that passed the gateway, authentication and
 * Prism's validation.
 */
import { closeSync } from 'node:fs';
import { rm, stat, truncate } from 'node:fs/promises';
import type { Outcome } from '../outcomes.js';
import { routerOf } from '../operation-route.js';
import type { HttpOperations, IHttpRequest } from '../prism-engine.js';
import { handleControl, type ControlRequest } from './control-api.js';
import { loadControlDocument } from './control-document.js';
import { IdSource } from './ids.js';
import { initialAccount } from './initial-account.js';
import { createProductOrder } from './dsc-orders.js';
import { createQuotasOrder, showResourceQuotas } from './hss-quotas.js';
import { updateSubscriptionOrder } from './secmaster-subscriptions.js';
import type { GlobalSimulation, Simulation } from './simulation.js';
import { listCustomerOrders, showCustomerOrderDetails } from './bss-orders.js';
import { payOrders } from './bss-payments.js';
import { listPayPerUseCustomerResources } from './bss-resources.js';
import { keystoneListAuthDomains, keystoneListProjects } from './iam-projects.js';
import { refusalOfLimit } from './refusals.js';
import { loadStateFile, StateFileError } from './state-file.js';
import { StateJournal, StateWriteError, temporaryPathOf, writeStateFile } from './state-journal.js';
import { lockStateFile, type StateLock } from './state-lock.js';
import { StateLimitError, StateStore } from './state-store.js';

export { StateFileError } from './state-file.js';

const SIMULATIONS: Readonly<Record<string, Simulation>> = {
  CreateQuotasOrder: createQuotasOrder,
  ShowResourceQuotas: showResourceQuotas,
  CreateProductOrder: createProductOrder,
  UpdateSubscriptionOrder: updateSubscriptionOrder,
};

/** The global services' operations, answered from the account (BSS, IAM). */
const GLOBAL_SIMULATIONS: Readonly<Record<string, GlobalSimulation>> = {
  PayOrders: payOrders,
  ListCustomerOrders: listCustomerOrders,
  ShowCustomerOrderDetails: showCustomerOrderDetails,
  ListPayPerUseCustomerResources: listPayPerUseCustomerResources,
  KeystoneListProjects: keystoneListProjects,
  KeystoneListAuthDomains: keystoneListAuthDomains,
};

export interface StatefulOptions {
  /** Makes order and resource ids repeat run to run. */
  readonly seed?: string | undefined;
  /** Keep the state in this file, durable before each answer. */
  readonly stateFile?: string | undefined;
  readonly now: () => Date;
  /** How long a paid order is processing before it completes (ms); default about a second. */
  readonly processingMs?: number | undefined;
  /** Where start-up notes go (a stale lock taken over, an unfinished last write dropped). */
  readonly notice?: ((message: string) => void) | undefined;
}

export interface StatefulMode {
  readonly store: StateStore;
  /** Waits for the last write, then releases the state file. */
  close(): Promise<void>;
  control(request: ControlRequest): Promise<Outcome>;
  /** The simulated answer to a valid request, or undefined when the operation is not simulated. */
  simulate(operations: HttpOperations, input: IHttpRequest): Promise<Outcome | undefined>;
}

const SAVE_FAILED = 'the state could not be saved, so nothing changed';

/** Opens the state file: locked to this process, loaded and checked, ready for appending. */
async function openStateFile(
  path: string,
  options: StatefulOptions,
  ids: IdSource,
): Promise<{
  lock: StateLock;
  journal: StateJournal;
  initial: ConstructorParameters<typeof StateStore>[0]['initial'];
  /** The loaded file, open while projects not used yet are read from it. */
  fd: number | undefined;
}> {
  const control = loadControlDocument();
  const notice = options.notice ?? (() => {});
  const lock = lockStateFile(path);
  let fd: number | undefined;
  try {
    if (lock.tookOverFrom !== undefined)
      notice(
        `state file ${path}: took over the lock of process ${lock.tookOverFrom}, which no longer runs`,
      );
    // A compaction cut short by a crash leaves its temporary file: the log is the state.
    await rm(temporaryPathOf(path), { force: true });
    const loaded = await loadStateFile(
      path,
      (state) => control.checkProjectState(state),
      options.now(),
      (account) => control.checkAccountState(account),
      initialAccount(ids),
    );
    fd = loaded?.fd;
    const initial = {
      counter: loaded?.counter ?? 0,
      projects: loaded?.projects ?? new Map(),
      account: loaded?.account ?? initialAccount(ids),
      clockOffset: loaded?.clockOffset ?? 0,
    };
    const limit = control.clockOffsetLimit();
    if (initial.clockOffset > limit)
      throw new StateFileError(
        path,
        `clock_offset_seconds ${initial.clockOffset} is past its limit of ${limit}; not replacing it`,
      );
    let size: number;
    let seal: number;
    if (!loaded || loaded.rewrite) {
      // Written as this mock writes it, so the next start trusts it.
      seal = await writeStateFile(
        path,
        initial.projects,
        initial.counter,
        initial.account,
        initial.clockOffset,
      ).catch((error: Error) => {
        throw new StateFileError(path, `cannot be written (${error.message})`);
      });
      size = (await stat(path)).size;
    } else {
      size = loaded.size;
      seal = loaded.seal;
      if (loaded.droppedBytes > 0) {
        await truncate(path, size).catch((error: Error) => {
          throw new StateFileError(path, `cannot be written (${error.message})`);
        });
        notice(
          `state file ${path}: dropped an unfinished last write (${loaded.droppedBytes} bytes); no answered change is in it`,
        );
      }
    }
    const journal = await StateJournal.open(path, size, seal, (error) =>
      notice(`state file ${path}: compaction failed, the log stays as it is (${error.message})`),
    ).catch((error: Error) => {
      throw new StateFileError(path, `cannot be opened for writing (${error.message})`);
    });
    return { lock, journal, initial, fd };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    lock.release();
    throw error;
  }
}

export async function createStatefulMode(options: StatefulOptions): Promise<StatefulMode> {
  const control = loadControlDocument();
  const ids = new IdSource(options.seed);
  const file = options.stateFile ? await openStateFile(options.stateFile, options, ids) : undefined;
  const store = new StateStore({
    ids,
    processingMs: options.processingMs,
    now: options.now,
    initial: file?.initial,
    journal: file?.journal,
    check: (state, delta) => control.checkChange(state, delta),
  });
  let closing: Promise<void> | undefined;

  return {
    store,
    close: () =>
      (closing ??= (async () => {
        if (!file) return;
        await file.journal.close();
        if (file.fd !== undefined) closeSync(file.fd);
        file.lock.release();
      })()),
    async control(request) {
      try {
        const { status, body, lines } = await handleControl(store, control, request, options.now);
        return { kind: 'control', status, body, lines };
      } catch (error) {
        if (!(error instanceof StateWriteError)) throw error;
        return {
          kind: 'control',
          status: 500,
          body: {
            error_code: 'HWSEC.0500',
            error_msg: `${SAVE_FAILED}: ${error.message}`,
          },
        };
      }
    },
    async simulate(operations, input) {
      const matched = routerOf(operations).route(input.method, input.url.path);
      if (!matched) return undefined;
      const projectId = matched.params['project_id'];
      const query = (input.url.query ?? {}) as Record<string, string | string[]>;
      const regional = projectId !== undefined ? SIMULATIONS[matched.operationId] : undefined;
      const global = projectId === undefined ? GLOBAL_SIMULATIONS[matched.operationId] : undefined;
      if (!regional && !global) return undefined;
      let result;
      try {
        result = regional
          ? await regional(store, { projectId: projectId!, query, body: input.body })
          : await global!(store, { params: matched.params, query, body: input.body });
      } catch (error) {
        if (error instanceof StateLimitError)
          return { kind: 'refused', refusal: refusalOfLimit(error.problem) };
        if (error instanceof StateWriteError) throw new Error(`${SAVE_FAILED} (${error.message})`);
        throw error;
      }
      return result.kind === 'refused'
        ? { kind: 'refused', refusal: result.refusal }
        : {
            kind: 'answer',
            status: result.status,
            headers: (result.body === undefined
              ? {}
              : { 'content-type': 'application/json' }) as Record<string, string>,
            body: result.body,
            violations: [],
            proxied: false,
          };
    },
  };
}
