// A client package re-exports HwsecApiError typed with its service's documented error codes, so
// `if (e instanceof HwsecApiError) switch (e.errorCode) { case 'HSS.0001': ... }` completes the
// codes its spec lists while any other code still passes. Types only: at runtime it is the one
// HwsecApiError class of @hwsec/core, so instanceof agrees whichever package it is imported from.
import type { ErrorBody, HwsecApiError } from './errors.js';

/** A documented code, or any other string the service sends. */
export type KnownOr<Code extends string> = Code | (string & {});

/** The error body with `error_code` typed by the service's codes. */
export type ServiceErrorBody<Code extends string> = Omit<ErrorBody, 'error_code'> & {
  error_code?: KnownOr<Code>;
};

export interface ServiceApiError<
  Code extends string,
  Body = ServiceErrorBody<Code>,
> extends HwsecApiError<Body> {
  readonly errorCode: KnownOr<Code> | undefined;
}

/** `typeof HwsecApiError`, whose instances carry the service's codes. */
export type ServiceApiErrorClass<Code extends string> = Omit<typeof HwsecApiError, 'prototype'> & {
  new <Body = ServiceErrorBody<Code>>(
    ...args: ConstructorParameters<typeof HwsecApiError<Body>>
  ): ServiceApiError<Code, Body>;
  readonly prototype: ServiceApiError<Code>;
};
