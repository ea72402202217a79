/**
 * What a simulated operation gets (a request Prism has already found valid) and gives back (the
 * status and body the service would send, or the rule it refuses).
 */
import type { Refusal } from './refusals.js';
import type { StateStore } from './state-store.js';

export interface SimulationRequest {
  readonly projectId: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly body: unknown;
}

export type SimulationResult =
  | { readonly kind: 'answer'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'refused'; readonly refusal: Refusal };

export type Simulation = (
  store: StateStore,
  request: SimulationRequest,
) => Promise<SimulationResult>;

/** A request to a global service (BSS, IAM): no project in its path, the account's instead. */
export interface GlobalRequest {
  /** The path's parameters by name (`order_id`), decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly body: unknown;
}

export type GlobalSimulation = (
  store: StateStore,
  request: GlobalRequest,
) => Promise<SimulationResult>;

/** An answer with no body (BSS PayOrders' 204). */
export const noContent = (): SimulationResult => ({ kind: 'answer', status: 204, body: undefined });

export const answer = (body: unknown): SimulationResult => ({ kind: 'answer', status: 200, body });
export const refused = (refusal: Refusal): SimulationResult => ({ kind: 'refused', refusal });

/** A single query value (Prism has checked there is at most one where the spec wants one). */
export function queryValue(
  query: Readonly<Record<string, string | string[]>>,
  name: string,
): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}
