// HwsecApiError of @hwsec/core (the same class at runtime), typed with the error codes the
// dsc spec documents: `errorCode` and `body.error_code` complete them, other codes still pass.
import {
  HwsecApiError as CoreApiError,
  type ServiceApiError,
  type ServiceApiErrorClass,
  type ServiceErrorBody,
} from '@hwsec/core';
import type { ErrorCode } from './generated/error-codes.js';

export const HwsecApiError = CoreApiError as ServiceApiErrorClass<ErrorCode>;
export type HwsecApiError<Body = ServiceErrorBody<ErrorCode>> = ServiceApiError<ErrorCode, Body>;
