// The store's promises with a state file, with the file writer replaced by one the test controls:
// a change is answered only after the write that holds it, reads see only durable state, and a
// failed write undoes every change not yet durable.
import { describe, expect, it } from 'vitest';
import { keep, StateStore } from '../src/stateful/state-store.js';
import type { StoreSnapshot } from '../src/stateful/state-model.js';

function controlledWrites() {
  const writes: Array<{ snapshot: StoreSnapshot; done: () => void; fail: (e: Error) => void }> = [];
  const persist = (snapshot: StoreSnapshot) =>
    new Promise<void>((done, fail) => writes.push({ snapshot, done, fail }));
  return { writes, persist };
}

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
    const { writes, persist } = controlledWrites();
    const store = new StateStore({ now: () => new Date(0), persist });
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
    expect(writes[1]!.snapshot.projects['p']!.secmaster.subscriptions).toHaveLength(4);
    writes[1]!.done();
    await Promise.all(later);
    expect(ids(store)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a failed write undoes every change not yet durable, and tells each caller', async () => {
    const { writes, persist } = controlledWrites();
    const store = new StateStore({ now: () => new Date(0), persist });
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
    expect(
      writes[2]!.snapshot.projects['p']!.secmaster.subscriptions.map((s) => s.resource_id),
    ).toEqual(['a', 'd']);
    writes[2]!.done();
    await d;
    expect(ids(store)).toEqual(['a', 'd']);
  });
});
