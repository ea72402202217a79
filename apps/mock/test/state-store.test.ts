// The store's promises with a state file, with the file writer replaced by one the test controls:
// a change is answered only after the write that holds it, reads see only durable state, and a
// failed write undoes every change not yet durable (the billing clock's offset included).
import { describe, expect, it } from 'vitest';
import { keep, StateStore, type Journal } from '../src/stateful/state-store.js';
import type { ChangeRecord } from '../src/stateful/state-delta.js';

function controlledWrites() {
  const writes: Array<{
    records: readonly ChangeRecord[];
    done: () => void;
    fail: (e: Error) => void;
  }> = [];
  const journal: Journal = {
    append: (records) => new Promise<void>((done, fail) => writes.push({ records, done, fail })),
    compactionDue: () => false,
    compact: () => {},
  };
  return { writes, journal };
}

/** The subscriptions a write adds to project p, in order. */
const added = (records: readonly ChangeRecord[]) =>
  records.flatMap((record) => {
    const delta = record.projects['p'];
    if (!delta) return [];
    if ('set' in delta) return delta.set.secmaster.subscriptions.map((s) => s.resource_id);
    return delta.edits.flatMap((edit) =>
      'add' in edit ? (edit.add as Array<{ resource_id: string }>).map((s) => s.resource_id) : [],
    );
  });

const addSubscription = (store: StateStore, id: string) =>
  store.change((tx) => {
    tx.project('p').secmaster.subscriptions.push({
      resource_id: id,
      scene: 'POSTPAID',
      resource_spec_code: 'secmaster.basic',
      resource_size: 1,
    });
    return keep(id);
  });

const ids = (store: StateStore) =>
  store.read('p').secmaster.subscriptions.map((s) => s.resource_id);

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
};

describe('state store with a state file', () => {
  it('answers after the write holding the change; changes made meanwhile share the next write', async () => {
    const { writes, journal } = controlledWrites();
    const store = new StateStore({ now: () => new Date(0), journal });
    let answered = 0;
    const first = addSubscription(store, 'a').then(() => answered++);
    await until(() => writes.length === 1);
    const later = ['b', 'c', 'd'].map((id) => addSubscription(store, id).then(() => answered++));
    expect(ids(store)).toEqual([]); // not durable yet
    writes[0]!.done();
    await first;
    expect(ids(store)).toEqual(['a']);
    await until(() => writes.length === 2);
    expect(answered).toBe(1);
    // One write for the three changes, each its own record holding only what it added.
    expect(writes[1]!.records).toHaveLength(3);
    expect(added(writes[1]!.records)).toEqual(['b', 'c', 'd']);
    writes[1]!.done();
    await Promise.all(later);
    expect(ids(store)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a failed write undoes every change not yet durable, and tells each caller', async () => {
    const { writes, journal } = controlledWrites();
    const store = new StateStore({ now: () => new Date(0), journal });
    const a = addSubscription(store, 'a');
    await until(() => writes.length === 1);
    writes[0]!.done();
    await a;
    const b = addSubscription(store, 'b');
    await until(() => writes.length === 2);
    const c = addSubscription(store, 'c'); // built on b, which is not durable
    writes[1]!.fail(new Error('disk full'));
    await expect(b).rejects.toThrow('disk full');
    await expect(c).rejects.toThrow('disk full');
    expect(ids(store)).toEqual(['a']);
    const d = addSubscription(store, 'd');
    await until(() => writes.length === 3);
    expect(added(writes[2]!.records)).toEqual(['d']);
    writes[2]!.done();
    await d;
    expect(ids(store)).toEqual(['a', 'd']);
  });

  it('the billing clock moves once its write is durable, and back when the write fails', async () => {
    const { writes, journal } = controlledWrites();
    const store = new StateStore({ now: () => new Date(0), journal });
    const advance = (seconds: number) =>
      store.change((tx) => {
        tx.setClockOffset(tx.clockOffset() + seconds);
        return keep(undefined);
      });
    const first = advance(60);
    await until(() => writes.length === 1);
    expect(store.now().getTime()).toBe(0); // not durable yet
    expect(writes[0]!.records).toEqual([{ counter: 0, projects: {}, clock_offset_seconds: 60 }]);
    writes[0]!.done();
    await first;
    expect(store.now().getTime()).toBe(60_000);
    const second = advance(30);
    await until(() => writes.length === 2);
    writes[1]!.fail(new Error('disk full'));
    await expect(second).rejects.toThrow('disk full');
    expect(store.readClockOffset()).toBe(60);
    // The next change builds on 60, not on the undone 90.
    const third = advance(1);
    await until(() => writes.length === 3);
    expect(writes[2]!.records[0]!.clock_offset_seconds).toBe(61);
    writes[2]!.done();
    await third;
    expect(store.now().getTime()).toBe(61_000);
  });
});
