/**
 * The simulated state of every project, and the one way to change it: `change(fn)`. Changes run
 * one at a time (a queue), each on copies of the projects it touches; only when `fn` keeps its
 * result, and (with a state file) only once the new state is durable, are the copies swapped in.
 * So a refused or failed change leaves nothing behind, concurrent changes never lose one another,
 * and a read sees the state before or after a change, never half of one.
 */
import { IdSource } from './ids.js';
import { emptyProject, type Order, type ProjectState, type StoreSnapshot } from './state-model.js';

export interface Transaction {
  readonly now: Date;
  /** The project's state to change (a copy; a project never touched starts empty). */
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

export class StateStore {
  private projects: Map<string, ProjectState>;
  private counter: number;
  private readonly ids: IdSource;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: StateStoreOptions) {
    this.ids = new IdSource(options.seed);
    this.projects = new Map(Object.entries(options.initial?.projects ?? {}));
    this.counter = options.initial?.counter ?? 0;
  }

  now(): Date {
    return this.options.now();
  }

  /** The committed state of a project (do not modify it). */
  read(projectId: string): ProjectState {
    return this.projects.get(projectId) ?? emptyProject();
  }

  snapshot(): StoreSnapshot {
    return { counter: this.counter, projects: Object.fromEntries(this.projects) };
  }

  change<T>(fn: (tx: Transaction) => ChangeResult<T>): Promise<T> {
    const run = () => this.apply(fn);
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async apply<T>(fn: (tx: Transaction) => ChangeResult<T>): Promise<T> {
    const touched = new Map<string, ProjectState | undefined>(); // undefined: reset
    let resetAll = false;
    let counter = this.counter;
    const current = (id: string): ProjectState | undefined =>
      touched.has(id) ? touched.get(id) : resetAll ? undefined : this.projects.get(id);
    const tx: Transaction = {
      now: this.options.now(),
      project: (id) => {
        const existing = touched.get(id);
        if (existing) return existing;
        const copy = structuredClone(current(id) ?? emptyProject());
        touched.set(id, copy);
        return copy;
      },
      replace: (id, state) => void touched.set(id, state),
      reset: (id) => {
        if (id === undefined) {
          resetAll = true;
          touched.clear();
        } else touched.set(id, undefined);
      },
      findOrder: (orderId) => {
        const ids = new Set([...(resetAll ? [] : this.projects.keys()), ...touched.keys()]);
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

    const next = new Map(resetAll ? [] : this.projects);
    for (const [id, state] of touched) {
      if (state === undefined) next.delete(id);
      else next.set(id, state);
    }
    await this.options.persist?.({ counter, projects: Object.fromEntries(next) });
    this.projects = next;
    this.counter = counter;
    return value;
  }
}
