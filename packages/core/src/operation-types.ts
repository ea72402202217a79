// Types of the per-operation methods (`createQuotasOrder(init)`), derived from openapi-typescript's
// `paths`: the same init and result types as openapi-fetch, with the parameters the client fills
// in itself (project_id, defaulted headers such as X-Language) made optional.
import type { FetchOptions, FetchResponse } from 'openapi-fetch';
import type { OrderRecord } from './order-facts.js';
import type { KnownOr } from './service-api-error.js';
import type { OperationInputs } from './unknown-keys.js';

export type MediaType = `${string}/${string}`;
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

/** Where an operation lives in the spec (generated into src/generated/operations.ts). */
export interface OperationInfo {
  readonly method: HttpMethod;
  readonly path: string;
  /** Fields the spec types `integer`: `body.period_num`, `body.product_list[].resource_size`, `query.limit`. */
  readonly integers?: readonly string[];
  /** Every key the operation's parameters and body define (unknown ones are refused). */
  readonly inputs?: OperationInputs;
  /** An operation that buys or pays (the spec's `x-hwsec-order`). */
  readonly order?: OrderRecord;
}

/** Names of the parameters the client fills, per location. */
export interface FilledParams {
  path: string;
  header: string;
}

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type Flatten<T> = { [K in keyof T]: T[K] } & {};
type Optionalize<T, K extends PropertyKey> = T extends object
  ? Flatten<Omit<T, K> & { [P in Extract<keyof T, K>]?: T[P] }>
  : T;
type Relaxed<P, F extends FilledParams, L> = Optionalize<
  P[L & keyof P],
  Extract<F[L & keyof F], string>
>;
type FillableLocation = 'path' | 'header';

type RelaxedParameters<P, F extends FilledParams> = Flatten<
  { [L in keyof P as L extends FillableLocation ? never : L]: P[L] } & {
    [
      L in keyof P as L extends FillableLocation
        ? RequiredKeys<Relaxed<P, F, L>> extends never
          ? never
          : L
        : never
    ]: Relaxed<P, F, L>;
  } & {
    [
      L in keyof P as L extends FillableLocation
        ? RequiredKeys<Relaxed<P, F, L>> extends never
          ? L
          : never
        : never
    ]?: Relaxed<P, F, L>;
  }
>;

export type RelaxedOperation<Op, F extends FilledParams> = Op extends { parameters: infer P }
  ? Omit<Op, 'parameters'> & { parameters: RelaxedParameters<P, F> }
  : Op;

/** The argument of an operation method. */
export type OperationInit<Op, F extends FilledParams> = FetchOptions<RelaxedOperation<Op, F>>;

/** An error body whose `error_code` lists the service's documented codes (any string still fits). */
type CodedError<E, Code extends string> = E extends object
  ? { [K in keyof E]: K extends 'error_code' ? KnownOr<Code> : E[K] }
  : E;
// Applied after openapi-fetch's own mapping, which would turn `string & {}` into an object type.
type WithErrorCodes<R, Code extends string> = [Code] extends [never]
  ? R
  : R extends { error: unknown }
    ? { [K in keyof R]: K extends 'error' ? CodedError<R[K], Code> : R[K] }
    : R;

/** `{ data, error, response }`, typed from the operation's responses. */
export type OperationResult<Op, Code extends string = never> = WithErrorCodes<
  FetchResponse<Op & Record<string | number, any>, {}, MediaType>,
  Code
>;

export type OperationMethod<Op, F extends FilledParams, Code extends string = never> =
  RequiredKeys<OperationInit<Op, F>> extends never
    ? (init?: OperationInit<Op, F>) => Promise<OperationResult<Op, Code>>
    : (init: OperationInit<Op, F>) => Promise<OperationResult<Op, Code>>;

export type OperationOf<Paths, Info> = Info extends { path: infer P; method: infer M }
  ? P extends keyof Paths
    ? M extends keyof Paths[P]
      ? Paths[P][M]
      : never
    : never
  : never;

/** One method per operationId, named like Huawei's SDKs: CreateQuotasOrder -> createQuotasOrder. */
export type OperationMethods<
  Paths,
  Ops extends Record<string, OperationInfo>,
  F extends FilledParams,
  Code extends string = never,
> = {
  [Id in keyof Ops & string as Uncapitalize<Id>]: OperationMethod<
    OperationOf<Paths, Ops[Id]>,
    F,
    Code
  >;
};
