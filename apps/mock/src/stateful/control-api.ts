/**
 * The control API under `/_hwsec/` (spec/control/openapi.yaml): show, seed and reset a project's
 * state, reset all, and pay a waiting order. Every change goes through the store like the
 * simulated operations' changes, so it is atomic and (with a state file) durable before the answer.
 */
import { CONTROL_PREFIX, type ControlDocument } from './control-document.js';
import { fulfil } from './purchases.js';
import { duplicateId, normalizeSeed } from './seed.js';
import type { StateStore } from './state-store.js';
import { discard, keep } from './state-store.js';

export interface ControlAnswer {
  readonly status: number;
  /** Undefined for 204. */
  readonly body?: unknown;
}

type ControlCode = 'HWSEC.0400' | 'HWSEC.0404' | 'HWSEC.0405' | 'HWSEC.0409' | 'HWSEC.0500';

const fail = (status: number, code: ControlCode, message: string): ControlAnswer => ({
  status,
  body: { error_code: code, error_msg: message },
});

const MAX_ID_LENGTH = 256;

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function checkId(name: string, value: string | undefined): ControlAnswer | undefined {
  if (value === undefined || value.length === 0 || value.length > MAX_ID_LENGTH)
    return fail(400, 'HWSEC.0400', `path.${name} (length): must be 1–${MAX_ID_LENGTH} characters`);
  return undefined;
}

export function isControlPath(target: string): boolean {
  return target.startsWith(CONTROL_PREFIX);
}

export interface ControlRequest {
  readonly method: string;
  readonly target: string;
  readonly body: Buffer;
}

export async function handleControl(
  store: StateStore,
  control: ControlDocument,
  request: ControlRequest,
): Promise<ControlAnswer> {
  const path = request.target.split('?', 1)[0]!;
  const segments = path.slice(CONTROL_PREFIX.length).split('/');
  const method = request.method.toUpperCase();
  const allow = (methods: string[]) =>
    methods.includes(method)
      ? undefined
      : fail(405, 'HWSEC.0405', `${method} ${path}: allowed are ${methods.join(', ')}`);

  if (segments.length === 1 && segments[0] === 'state') {
    const refused = allow(['DELETE']);
    if (refused) return refused;
    await store.change((tx) => keep(tx.reset()));
    return { status: 204 };
  }
  if (segments.length === 2 && segments[0] === 'state') {
    const projectId = decode(segments[1]!);
    const refused = allow(['GET', 'PUT', 'DELETE']) ?? checkId('project_id', projectId);
    if (refused) return refused;
    if (method === 'GET') return { status: 200, body: store.read(projectId!) };
    if (method === 'DELETE') {
      await store.change((tx) => keep(tx.reset(projectId)));
      return { status: 204 };
    }
    return seed(store, control, projectId!, request.body);
  }
  if (segments.length === 3 && segments[0] === 'orders' && segments[2] === 'pay') {
    const orderId = decode(segments[1]!);
    const refused = allow(['POST']) ?? checkId('order_id', orderId);
    if (refused) return refused;
    return pay(store, orderId!);
  }
  return fail(404, 'HWSEC.0404', `${path} is not a path of the control API`);
}

async function seed(
  store: StateStore,
  control: ControlDocument,
  projectId: string,
  bytes: Buffer,
): Promise<ControlAnswer> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return fail(400, 'HWSEC.0400', `body (json): ${(error as Error).message}`);
  }
  const problem = control.checkProjectState(value);
  if (problem !== undefined) return fail(400, 'HWSEC.0400', `invalid state: ${problem}`);
  return store.change((tx) => {
    const state = normalizeSeed(value as Parameters<typeof normalizeSeed>[0], tx.now);
    const duplicate = duplicateId(state);
    if (duplicate) return discard(fail(400, 'HWSEC.0400', `invalid state: ${duplicate}`));
    for (const order of state.orders) {
      const owner = tx.findOrder(order.order_id);
      if (owner && owner.projectId !== projectId)
        return discard(
          fail(
            409,
            'HWSEC.0409',
            `invalid state: /orders order_id ${order.order_id} belongs to another project`,
          ),
        );
    }
    tx.replace(projectId, state);
    return keep({ status: 200, body: state });
  });
}

function pay(store: StateStore, orderId: string): Promise<ControlAnswer> {
  return store.change((tx) => {
    const found = tx.findOrder(orderId);
    if (!found) return discard(fail(404, 'HWSEC.0404', `path.order_id: no order ${orderId}`));
    const project = tx.project(found.projectId);
    const index = project.orders.findIndex((o) => o.order_id === orderId);
    const stored = project.orders[index]!;
    if (stored.status === 'paid')
      return discard(
        fail(
          409,
          'HWSEC.0409',
          `order ${orderId} (not paid yet): it was paid at ${stored.paid_at}`,
        ),
      );
    // Stored items are shared with the committed state: replaced, never edited.
    const order = { ...stored };
    project.orders[index] = order;
    fulfil(tx, project, order);
    return keep({ status: 200, body: order });
  });
}
