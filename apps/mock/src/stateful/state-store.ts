/**
 * The simulated state of every project, and the one way to change it: `change(fn)`. `fn` runs
 * synchronously on a draft of the projects it touches (their lists copied, never the items in
 * them: an item is replaced, not edited), so a change is atomic and concurrent changes never lose
 * one another. A change `fn` discards leaves nothing behind.
 *
 * With a state file a change counts only once it is durable: changes made while a write is in
 * flight are written together by the next one (group commit), and each caller gets its answer
 * after the write that holds its change. Reads see only durable state. If a write fails, every
 * change not yet durable is undone and its caller gets the error.
 */
import { IdSource } from './ids.js';
import { emptyProject, type Order, type ProjectState, type StoreSnapshot } from './state-model.js';

export interface Transaction {
  readonly now: Date;
  /**
   * The project's draft to change: its lists are copies, their items are shared with the stored
   * state, so replace an item (`list[i] = { ...list[i], … }`) instead of editing it.
   */
  project(projectId: string): ProjectState;
  /** Replaces a project's whole state (seeding). */
  replace(projectId: string, state: ProjectState): void;
  /** Forgets one project, or every project. */
  reset(projectId?: string): void;
  /** The project holding this order, searched in the state as this change sees it. */
  findOrder(orderId: string): { projectId: string; order: Order } | undefined;
  nextOrderId(): string;
  nextUuid(): string;
}

/** What a change decided: `keep: false` discards everything it did. */
export interface ChangeResult<T> {
  readonly keep: boolean;
  readonly value: T;
}

export const keep = <T>(value: T): ChangeResult<T> => ({ keep: true, value });
export const discard = <T>(value: T): ChangeResult<T> => ({ keep: false, value });

export interface StateStoreOptions {
  readonly seed?: string | undefined;
  readonly now: () => Date;
  /** The state to start from (from a state file). */
  readonly initial?: StoreSnapshot | undefined;
  /** Makes a new state durable; the change counts only once this resolves. */
  readonly persist?: ((snapshot: StoreSnapshot) => Promise<void>) | undefined;
}

interface Version {
  readonly projects: ReadonlyMap<string, ProjectState>;
  readonly counter: number;
}

function draftOf(state: ProjectState): ProjectState {
  return {
    hss: { quotas: [...state.hss.quotas] },
    dsc: { instances: [...state.dsc.instances] },
    secmaster: { ...state.secmaster, subscriptions: [...state.secmaster.subscriptions] },
    orders: [...state.orders],
  };
}

export class StateStore {
  /** Durable (or, without a state file, simply the latest): what reads see. */
  private committed: Version;
  /** The latest state changes build on; ahead of `committed` while a write is due. */
  private latest: Version;
  private readonly ids: IdSource;
  private waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private writing = false;

  constructor(private readonly options: StateStoreOptions) {
    this.ids = new IdSource(options.seed);
    this.committed = {
      projects: new Map(Object.entries(options.initial?.projects ?? {})),
      counter: options.initial?.counter ?? 0,
    };
    this.latest = this.committed;
  }

  now(): Date {
    return this.options.now();
  }

  /** The committed state of a project (do not modify it). */
  read(projectId: string): ProjectState {
    return this.committed.projects.get(projectId) ?? emptyProject();
  }

  snapshot(): StoreSnapshot {
    return snapshotOf(this.committed);
  }

  async change<T>(fn: (tx: Transaction) => ChangeResult<T>): Promise<T> {
    const base = this.latest;
    const touched = new Map<string, ProjectState | undefined>(); // undefined: reset
    let resetAll = false;
    let counter = base.counter;
    const current = (id: string): ProjectState | undefined =>
      touched.has(id) ? touched.get(id) : resetAll ? undefined : base.projects.get(id);
    const tx: Transaction = {
      now: this.options.now(),
      project: (id) => {
        const existing = touched.get(id);
        if (existing) return existing;
        const draft = draftOf(current(id) ?? emptyProject());
        touched.set(id, draft);
        return draft;
      },
      replace: (id, state) => void touched.set(id, state),
      reset: (id) => {
        if (id === undefined) {
          resetAll = true;
          touched.clear();
        } else touched.set(id, undefined);
      },
      findOrder: (orderId) => {
        const ids = new Set([...(resetAll ? [] : base.projects.keys()), ...touched.keys()]);
        for (const id of ids) {
          const order = current(id)?.orders.find((o) => o.order_id === orderId);
          if (order) return { projectId: id, order };
        }
        return undefined;
      },
      nextOrderId: () => this.ids.orderId(++counter),
      nextUuid: () => this.ids.uuid(++counter),
    };
    const { keep: kept, value } = fn(tx);
    if (!kept) return value;

    const projects = new Map(resetAll ? [] : base.projects);
    for (const [id, state] of touched) {
      if (state === undefined) projects.delete(id);
      else projects.set(id, state);
    }
    this.latest = { projects, counter };
    if (!this.options.persist) {
      this.committed = this.latest;
      return value;
    }
    await new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      void this.flush();
    });
    return value;
  }

  /** Writes the latest state for everyone waiting; those who arrive meanwhile go in the next write. */
  private async flush(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        const version = this.latest;
        try {
          await this.options.persist!(snapshotOf(version));
        } catch (error) {
          // Changes made during the failed write were built on it: undone with it.
          const undone = [...batch, ...this.waiting];
          this.waiting = [];
          this.latest = this.committed;
          for (const waiter of undone) waiter.reject(error);
          continue;
        }
        this.committed = version;
        for (const waiter of batch) waiter.resolve();
      }
    } finally {
      this.writing = false;
    }
  }
}

function snapshotOf(version: Version): StoreSnapshot {
  return { counter: version.counter, projects: Object.fromEntries(version.projects) };
}
