/**
 * The control API under `/_hwsec/` (spec/control/openapi.yaml): show, seed and reset a project's
 * state, reset all, show or seed the account (control-account.ts), and show or move the billing
 * clock forward (control-clock.ts). Every change goes through the store like the simulated
 * operations' changes, so it is atomic and (with a state file) durable before the answer. Orders
 * are paid as in the cloud, with BSS PayOrders.
 */
import { CONTROL_PREFIX, type ControlDocument } from './control-document.js';
import { duplicateId, normalizeSeed } from './seed.js';
import { strictJsonBody } from '../request-body.js';
import { NDJSON, projectLines, readProjectLines } from './project-lines.js';
import type { StateStore } from './state-store.js';
import { discard, keep } from './state-store.js';
import { handleAccount } from './control-account.js';
import { handleClock } from './control-clock.js';

export interface ControlAnswer {
  readonly status: number;
  /** Undefined for 204. */
  readonly body?: unknown;
  /** A project as JSON lines (project-lines.ts), instead of `body`. */
  readonly lines?: Iterable<string>;
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
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  /** An `application/x-ndjson` body, read as it arrives (never held whole). */
  readonly stream?: AsyncIterable<Buffer> | undefined;
}

/** Whether a request's body is a project as JSON lines, read as a stream. */
export function isProjectLines(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase() === NDJSON;
}

export async function handleControl(
  store: StateStore,
  control: ControlDocument,
  request: ControlRequest,
  /** The real clock, which the billing clock's offset is added to. */
  realNow: () => Date,
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
    if (method === 'GET') {
      const project = store.read(projectId!);
      return (request.headers['accept'] ?? '').toLowerCase().includes(NDJSON)
        ? { status: 200, lines: projectLines(project) }
        : { status: 200, body: project };
    }
    if (method === 'DELETE') {
      await store.change((tx) => keep(tx.reset(projectId)));
      return { status: 204 };
    }
    if (request.stream) {
      const read = await readProjectLines(request.stream, (path) => control.listLimit(path));
      if ('problem' in read) return fail(400, 'HWSEC.0400', `invalid state: ${read.problem}`);
      return seedValue(store, control, projectId!, read.value);
    }
    return seed(store, control, projectId!, request.body);
  }
  if (segments.length === 1 && segments[0] === 'account')
    return allow(['GET', 'PATCH']) ?? handleAccount(store, control, method, request.body);
  if (segments.length === 1 && segments[0] === 'clock')
    return allow(['GET', 'POST']) ?? handleClock(store, control, method, request.body, realNow);
  return fail(404, 'HWSEC.0404', `${path} is not a path of the control API`);
}

async function seed(
  store: StateStore,
  control: ControlDocument,
  projectId: string,
  bytes: Buffer,
): Promise<ControlAnswer> {
  // As strict on bytes as the billing routes: what a PUT stores, a state file can load.
  const parsed = strictJsonBody(bytes);
  if ('reason' in parsed) return fail(400, 'HWSEC.0400', `body (json): ${parsed.reason}`);
  return seedValue(store, control, projectId, parsed.value);
}

async function seedValue(
  store: StateStore,
  control: ControlDocument,
  projectId: string,
  value: unknown,
): Promise<ControlAnswer> {
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
