/**
 * The control API's faults (`/_hwsec/faults`, spec/control/paths/_hwsec_faults*.yaml): arm, list
 * and disarm. Served with or without `--stateful`. A body is checked against the FaultArm schema
 * of the control document, then against this mock (its APIs and their operations); every refusal
 * is a 400 that names the field and the rule, and changes nothing.
 */
import { createSchemaValidator, type ErrorObject } from '@hwsec/spec/schema-validator';
import { FAULTS_WHEN, type FaultArm, type FaultInjection } from './fault-injection.js';
import { strictJsonBody } from './request-body.js';
import { loadControlDocument } from './stateful/control-document.js';

export const FAULTS_PATH = '/_hwsec/faults';

export interface FaultControlRequest {
  readonly method: string;
  readonly target: string;
  readonly body: Buffer;
}

export interface FaultControlAnswer {
  readonly status: number;
  /** Undefined for 204. */
  readonly body?: unknown;
}

const fail = (status: number, code: string, message: string): FaultControlAnswer => ({
  status,
  body: { error_code: code, error_msg: message },
});

const invalid = (message: string) => fail(400, 'HWSEC.0400', message);

export function isFaultControlPath(target: string): boolean {
  const path = target.split('?', 1)[0]!;
  return path === FAULTS_PATH || path.startsWith(`${FAULTS_PATH}/`);
}

/** A reset of the control API (`DELETE /_hwsec/state[/{project_id}]`) and whose faults it ends. */
function resetScope(
  method: string,
  target: string,
): { readonly all: true } | { readonly projectId: string } | undefined {
  if (method.toUpperCase() !== 'DELETE') return undefined;
  const path = target.split('?', 1)[0]!;
  if (path === '/_hwsec/state') return { all: true };
  const project = /^\/_hwsec\/state\/([^/]+)$/.exec(path)?.[1];
  if (project === undefined) return undefined;
  try {
    return { projectId: decodeURIComponent(project) };
  } catch {
    return undefined;
  }
}

/** The reset of every project disarms every fault; a project's reset, the faults scoped to it. */
export function disarmOnReset(faults: FaultInjection, method: string, target: string): void {
  const scope = resetScope(method, target);
  if (scope === undefined) return;
  if ('all' in scope) faults.disarmAll();
  else faults.disarmProject(scope.projectId);
}

export const FAULTS_LOOPBACK_ONLY =
  'without --stateful the mock has no control token, so its faults are served to this machine (loopback) only';

function describe(error: ErrorObject): string {
  const at = `body${error.instancePath.replaceAll('/', '.')}`;
  switch (error.keyword) {
    case 'required':
      return `${at}.${(error.params as { missingProperty: string }).missingProperty} (required): is required`;
    case 'additionalProperties':
      return `${at}.${(error.params as { additionalProperty: string }).additionalProperty} (additionalProperties): is not a field of a fault`;
    case 'enum':
      return `${at} (enum): must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    default:
      return `${at} (${error.keyword}): ${error.message ?? 'is invalid'}`;
  }
}

let validateArm: ReturnType<ReturnType<typeof createSchemaValidator>['atPointer']> | undefined;

function checkArm(value: unknown, faults: FaultInjection): string | FaultArm {
  validateArm ??= createSchemaValidator(loadControlDocument().document).atPointer(
    '#/components/schemas/FaultArm',
  );
  if (!validateArm(value)) return describe(validateArm.errors![0]!);
  const arm = value as FaultArm;
  if (arm.service === undefined && arm.operation_id === undefined && arm.path === undefined)
    return 'body (required): one of service, operation_id and path is required, so a fault never hits every request';
  if (!FAULTS_WHEN[arm.when].includes(arm.fault))
    return `body.fault (enum): with when ${arm.when}, must be one of ${FAULTS_WHEN[arm.when].join(', ')}`;
  if (arm.method !== undefined && arm.path === undefined)
    return 'body.method (dependentRequired): only together with path';
  const served = faults.services;
  if (arm.service !== undefined && !served.includes(arm.service))
    return `body.service (enum): ${JSON.stringify(arm.service)} is not an API this mock serves (${served.join(', ')})`;
  if (arm.operation_id !== undefined) {
    const among = arm.service === undefined ? served : [arm.service];
    if (!among.some((id) => faults.operationsOf(id).has(arm.operation_id!)))
      return `body.operation_id (enum): ${JSON.stringify(arm.operation_id)} is not an operation of ${arm.service ?? 'any API this mock serves'}`;
  }
  return arm;
}

export function handleFaultControl(
  faults: FaultInjection,
  request: FaultControlRequest,
): FaultControlAnswer {
  const path = request.target.split('?', 1)[0]!;
  const method = request.method.toUpperCase();
  const allow = (methods: string[]) =>
    methods.includes(method)
      ? undefined
      : fail(405, 'HWSEC.0405', `${method} ${path}: allowed are ${methods.join(', ')}`);

  if (path === FAULTS_PATH) {
    const refused = allow(['GET', 'POST', 'DELETE']);
    if (refused) return refused;
    if (method === 'GET') return { status: 200, body: { faults: faults.list() } };
    if (method === 'DELETE') {
      faults.disarmAll();
      return { status: 204 };
    }
    const parsed = strictJsonBody(request.body);
    if ('reason' in parsed) return invalid(`body (json): ${parsed.reason}`);
    const arm = checkArm(parsed.value, faults);
    if (typeof arm === 'string') return invalid(arm);
    return { status: 201, body: faults.arm(arm) };
  }
  const segments = path.slice(FAULTS_PATH.length + 1).split('/');
  if (segments.length === 1 && segments[0] !== '') {
    const refused = allow(['DELETE']);
    if (refused) return refused;
    let faultId: string;
    try {
      faultId = decodeURIComponent(segments[0]!);
    } catch {
      return invalid('path.fault_id (format): not valid percent-encoding');
    }
    return faults.disarm(faultId)
      ? { status: 204 }
      : fail(404, 'HWSEC.0404', `path.fault_id: no armed fault ${faultId}`);
  }
  return fail(404, 'HWSEC.0404', `${path} is not a path of the control API`);
}
