/**
 * The simulated state of every project, and the one way to change it: `change(fn)`. `fn` runs
 * synchronously on a draft of the projects it touches (their lists copied, never the items in
 * them: an item is replaced, not edited), so a change is atomic and concurrent changes never lose
 * one another. A change `fn` discards leaves nothing behind.
 *
 * A kept change costs what it touched, never the whole state: it is diffed into a record
 * (state-delta.ts), checked against the state's limits, and applied in place to the touched
 * projects, remembering each project's state from before (its undo).
 *
 * With a journal (the state file) a change counts only once it is durable: changes made while a
 * write is in flight are written together by the next one (group commit), and each caller gets its
 * answer after the write that holds its change. Reads see only durable state (the undo of what is
 * not durable yet). If a write fails, every change not yet durable is undone and its caller gets
 * the error.
 */
import { accountChanges, accountDraft, type AccountState } from './account-model.js';
import { IdSource } from './ids.js';
import { initialAccount } from './initial-account.js';
import { LazyProject, orderIdsOf, type StoredProject } from './lazy-project.js';
import { billingTime } from './billing-clock.js';
import { diffProject, type ChangeRecord, type ProjectDelta } from './state-delta.js';
import { emptyProject, type Order, type ProjectState } from './state-model.js';

export interface Transaction {
  /** The billing clock at the change: the real clock plus the clock's offset (billing-clock.ts). */
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
  /** The account's draft to change (its project list a copy); reset with every project. */
  account(): AccountState;
  /** How long a paid order stays processing (status 3) before it completes (5). */
  readonly processingMs: number;
  /** The billing clock's offset as this change sees it (seconds ahead of the real clock). */
  clockOffset(): number;
  /** Sets the billing clock's offset; a reset of everything puts it back to 0. */
  setClockOffset(seconds: number): void;
}

/** What a change decided: `keep: false` discards everything it did. */
export interface ChangeResult<T> {
  readonly keep: boolean;
  readonly value: T;
}

export const keep = <T>(value: T): ChangeResult<T> => ({ keep: true, value });
export const discard = <T>(value: T): ChangeResult<T> => ({ keep: false, value });

/** A change that would leave a project breaking a rule of the state (a limit, an item's shape). */
export class StateLimitError extends Error {
  constructor(
    readonly projectId: string,
    /** `/hss/quotas (maxItems): …`, as the loader would word it. */
    readonly problem: string,
  ) {
    super(`project ${projectId}: ${problem}`);
    this.name = 'StateLimitError';
  }
}

/** The durable copy of the store (state-journal.ts). */
export interface Journal {
  /** Makes these changes durable, in order, in one write. */
  append(records: readonly ChangeRecord[]): Promise<void>;
  /** Whether the file has grown enough to be rewritten from the state. */
  compactionDue(): boolean;
  /** Rewrites the file from this (durable) state, in the background; later appends carry over. */
  compact(
    projects: ReadonlyMap<string, StoredProject>,
    counter: number,
    account: AccountState,
    clockOffset: number,
  ): void;
}

/** Checks a kept change of one project before it is applied; returns what is wrong. */
export type ChangeCheck = (state: ProjectState, delta: ProjectDelta) => string | undefined;

export interface StateStoreOptions {
  readonly seed?: string | undefined;
  /** The id source to use (else one from `seed`): one per mock, so the account's ids agree. */
  readonly ids?: IdSource | undefined;
  readonly now: () => Date;
  /**
   * The state to start from (from a state file); the store owns it from then on. A project still
   * in its file's bytes is parsed when a change or a read first needs it.
   */
  readonly initial?:
    | {
        counter: number;
        projects: Map<string, StoredProject>;
        account?: AccountState | undefined;
        /** The billing clock's offset the file holds (seconds); 0 when it holds none. */
        clockOffset?: number | undefined;
      }
    | undefined;
  readonly journal?: Journal | undefined;
  readonly check?: ChangeCheck | undefined;
  /** How long a paid order is processing (ms of the mock's clock); default DEFAULT_PROCESSING_MS. */
  readonly processingMs?: number | undefined;
}

/** About a second: a poller sees 3 (processing) and then 5 (completed). */
export const DEFAULT_PROCESSING_MS = 1000;

/** Project id → its state before the changes this undo covers (undefined: it did not exist). */
type Undo = Map<string, StoredProject | undefined>;

const parsed = (project: StoredProject | undefined): ProjectState | undefined =>
  project instanceof LazyProject ? project.materialize() : project;

function draftOf(state: ProjectState): ProjectState {
  return {
    hss: { quotas: [...state.hss.quotas] },
    dsc: { instances: [...state.dsc.instances] },
    secmaster: { ...state.secmaster, subscriptions: [...state.secmaster.subscriptions] },
    orders: [...state.orders],
  };
}

interface Waiter {
  readonly record: ChangeRecord;
  resolve(): void;
  reject(error: unknown): void;
}

export class StateStore {
  /** The latest state changes build on: ahead of the durable one while a write is due. */
  private readonly projects: Map<string, StoredProject>;
  /** Order id → project id, for the latest state. */
  private readonly owners = new Map<string, string>();
  private counter: number;
  private durableCounter: number;
  /** The undo of the changes being written now, and of those waiting for the next write. */
  private undoWriting: Undo = new Map();
  private undoWaiting: Undo = new Map();
  private readonly ids: IdSource;
  private waiting: Waiter[] = [];
  private writing = false;
  /** The account as the latest change left it, and as the last durable write holds it. */
  private account: AccountState;
  private durableAccount: AccountState;
  /** What a reset of everything goes back to. */
  readonly initialAccount: AccountState;
  /**
   * The billing clock's offset in seconds, as the latest change left it and as the last durable
   * write holds it: reads bill by the durable one, so they never see a clock a failed write undid.
   */
  private clockOffset: number;
  private durableClockOffset: number;
  readonly processingMs: number;

  constructor(private readonly options: StateStoreOptions) {
    this.ids = options.ids ?? new IdSource(options.seed);
    this.projects = options.initial?.projects ?? new Map();
    this.counter = this.durableCounter = options.initial?.counter ?? 0;
    for (const [id, state] of this.projects) this.own(id, orderIdsOf(state));
    this.initialAccount = initialAccount(this.ids);
    this.account = this.durableAccount = options.initial?.account ?? this.initialAccount;
    this.processingMs = options.processingMs ?? DEFAULT_PROCESSING_MS;
    this.clockOffset = this.durableClockOffset = options.initial?.clockOffset ?? 0;
  }

  /** The billing clock's durable offset: seconds ahead of the real clock. */
  readClockOffset(): number {
    return this.durableClockOffset;
  }

  /** The durable account (do not modify it). */
  readAccount(): AccountState {
    return this.durableAccount;
  }

  /** Ids of the projects the latest state holds (a project's own state may still be lazy). */
  projectIds(): string[] {
    return [...this.durableProjects().keys()];
  }

  /** A project of the latest state, parsed if it was still its file's bytes. */
  private stored(projectId: string): ProjectState | undefined {
    const project = this.projects.get(projectId);
    if (!(project instanceof LazyProject)) return project;
    const state = project.materialize();
    this.projects.set(projectId, state);
    return state;
  }

  /** The billing clock: the real clock (`now` of the options) plus the durable offset. */
  now(): Date {
    return billingTime(this.options.now(), this.durableClockOffset);
  }

  /** The durable state of a project (do not modify it). */
  read(projectId: string): ProjectState {
    return this.durable(projectId) ?? emptyProject();
  }

  private durable(projectId: string): ProjectState | undefined {
    if (this.undoWriting.has(projectId)) return parsed(this.undoWriting.get(projectId));
    if (this.undoWaiting.has(projectId)) return parsed(this.undoWaiting.get(projectId));
    return this.stored(projectId);
  }

  /**
   * The durable state of every project: a map of its own, the states shared (do not modify); a
   * project never used since start is still its file's bytes.
   */
  durableProjects(): Map<string, StoredProject> {
    const projects = new Map(this.projects);
    // The older undo wins: applied last.
    for (const undo of [this.undoWaiting, this.undoWriting])
      for (const [id, state] of undo) {
        if (state === undefined) projects.delete(id);
        else projects.set(id, state);
      }
    return projects;
  }

  private own(projectId: string, orderIds: readonly string[]): void {
    for (const orderId of orderIds) this.owners.set(orderId, projectId);
  }

  private disown(orderIds: readonly string[]): void {
    for (const orderId of orderIds) this.owners.delete(orderId);
  }

  async change<T>(fn: (tx: Transaction) => ChangeResult<T>): Promise<T> {
    const touched = new Map<string, ProjectState | undefined>(); // undefined: reset
    let resetAll = false;
    let counter = this.counter;
    let account: AccountState | undefined; // the draft, once asked for
    let clockOffset = this.clockOffset;
    const before = (id: string): ProjectState | undefined =>
      resetAll ? undefined : this.stored(id);
    const current = (id: string): ProjectState | undefined =>
      touched.has(id) ? touched.get(id) : before(id);
    const tx: Transaction = {
      now: billingTime(this.options.now(), this.clockOffset),
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
          account = accountDraft(this.initialAccount);
          clockOffset = 0;
        } else touched.set(id, undefined);
      },
      findOrder: (orderId) => {
        for (const [id, state] of touched) {
          const order = state?.orders.find((o) => o.order_id === orderId);
          if (order) return { projectId: id, order };
        }
        const owner = resetAll ? undefined : this.owners.get(orderId);
        if (owner === undefined || touched.has(owner)) return undefined;
        const order = this.stored(owner)?.orders.find((o) => o.order_id === orderId);
        return order && { projectId: owner, order };
      },
      nextOrderId: () => this.ids.orderId(++counter),
      nextUuid: () => this.ids.uuid(++counter),
      account: () => (account ??= accountDraft(this.account)),
      processingMs: this.processingMs,
      clockOffset: () => clockOffset,
      setClockOffset: (seconds) => void (clockOffset = seconds),
    };
    const { keep: kept, value } = fn(tx);
    if (!kept) return value;

    const deltas: Record<string, ProjectDelta | null> = {};
    for (const [id, state] of touched) {
      if (state === undefined) {
        if (!resetAll && this.projects.has(id)) deltas[id] = null;
        continue;
      }
      const delta = diffProject(before(id), state);
      if (delta === undefined) continue;
      const problem = this.options.check?.(state, delta);
      if (problem !== undefined) throw new StateLimitError(id, problem);
      deltas[id] = delta;
    }
    const accountRecord =
      account === undefined
        ? undefined
        : resetAll
          ? account
          : accountChanges(this.account, account);
    if (
      !resetAll &&
      accountRecord === undefined &&
      clockOffset === this.clockOffset &&
      Object.keys(deltas).length === 0 &&
      counter === this.counter
    )
      return value;

    // The undo first (what each project was before this change), then the change, in place.
    const undo = this.options.journal ? this.undoWaiting : undefined;
    const remember = (id: string) => {
      if (undo && !undo.has(id)) undo.set(id, this.projects.get(id));
    };
    if (resetAll) {
      for (const id of this.projects.keys()) remember(id);
      this.projects.clear();
      this.owners.clear();
    }
    for (const [id, delta] of Object.entries(deltas)) {
      remember(id);
      const previous = this.projects.get(id);
      if (delta === null) {
        this.disown(orderIdsOf(previous));
        this.projects.delete(id);
        continue;
      }
      const state = touched.get(id)!;
      this.projects.set(id, state);
      this.reindex(id, parsed(previous), state, delta);
    }
    this.counter = counter;
    if (accountRecord !== undefined) this.account = account!;
    const clockMoved = clockOffset !== this.clockOffset;
    this.clockOffset = clockOffset;
    const record: ChangeRecord = {
      counter,
      ...(resetAll ? { all: true as const } : {}),
      projects: deltas,
      ...(accountRecord !== undefined ? { account: accountRecord } : {}),
      ...(clockMoved ? { clock_offset_seconds: clockOffset } : {}),
    };
    if (!this.options.journal) {
      this.durableAccount = this.account;
      this.durableClockOffset = this.clockOffset;
      return value;
    }
    await new Promise<void>((resolve, reject) => {
      this.waiting.push({ record, resolve, reject });
      void this.flush();
    });
    return value;
  }

  /** Keeps the order index right after a change, at the cost of the change. */
  private reindex(
    id: string,
    previous: ProjectState | undefined,
    state: ProjectState,
    delta: ProjectDelta,
  ): void {
    if ('set' in delta) {
      this.disown(orderIdsOf(previous));
      this.own(id, orderIdsOf(state));
      return;
    }
    for (const edit of delta.edits) {
      if (edit.path.length !== 1 || edit.path[0] !== 'orders') continue;
      if ('value' in edit) {
        this.disown(orderIdsOf(previous));
        this.own(id, orderIdsOf(state));
      } else if (!('delete' in edit)) {
        const replaced = Object.keys(edit.at ?? {}).map((i) => previous!.orders[Number(i)]!);
        this.disown(replaced.map((order) => order.order_id));
        const added = [...Object.values(edit.at ?? {}), ...(edit.add ?? [])] as Order[];
        this.own(
          id,
          added.map((order) => order.order_id),
        );
      }
    }
  }

  /** Puts projects back as an undo remembers them. */
  private restore(undo: Undo): void {
    for (const [id, state] of undo) {
      this.disown(orderIdsOf(this.projects.get(id)));
      if (state === undefined) this.projects.delete(id);
      else {
        this.projects.set(id, state);
        this.own(id, orderIdsOf(state));
      }
    }
  }

  /** Writes the waiting changes; those that arrive meanwhile go in the next write. */
  private async flush(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    const journal = this.options.journal!;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        this.undoWriting = this.undoWaiting;
        this.undoWaiting = new Map();
        try {
          await journal.append(batch.map((w) => w.record));
        } catch (error) {
          // Changes made during the failed write were built on it: undone with it.
          const undone = [...batch, ...this.waiting];
          this.waiting = [];
          this.restore(this.undoWaiting);
          this.restore(this.undoWriting);
          this.undoWaiting = new Map();
          this.undoWriting = new Map();
          this.account = this.durableAccount;
          this.clockOffset = this.durableClockOffset;
          for (const waiter of undone) waiter.reject(error);
          continue;
        }
        this.undoWriting = new Map();
        this.durableCounter = batch.at(-1)!.record.counter;
        for (const { record } of batch) {
          if (record.account) this.durableAccount = { ...this.durableAccount, ...record.account };
          if (record.clock_offset_seconds !== undefined)
            this.durableClockOffset = record.clock_offset_seconds;
        }
        for (const waiter of batch) waiter.resolve();
        if (journal.compactionDue())
          journal.compact(
            this.durableProjects(),
            this.durableCounter,
            this.durableAccount,
            this.durableClockOffset,
          );
      }
    } finally {
      this.writing = false;
    }
  }
}
