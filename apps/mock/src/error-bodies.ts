/**
 * Every error body the mock sends, in the shapes the real cloud uses: the service's own body for
 * a request it rejects (`{ error_code, error_msg }` for most, Keystone's `{ error: { code,
 * message, title } }` for IAM: the shape and the codes come from the spec, through the
 * `@hwsec/spec` registry), and the API gateway's `{ error_code, error_msg, request_id }` for
 * malformed requests, authentication failures and unknown APIs.
 */
import { localizedErrorMessage, serviceErrorBody, type ApiEntry, type Json } from '@hwsec/spec';

export interface ServiceErrorBody {
  error_code: string;
  error_msg: string;
}

export interface GatewayErrorBody extends ServiceErrorBody {
  request_id: string;
}

/**
 * The service's wording in the language the request asks for (SecMaster's `X-Language`), from
 * `x-hwsec-error-languages`; the details after it (field paths, rules) stay as they are.
 */
export function serviceWording(
  service: ApiEntry,
  english: string,
  requestHeaders: Readonly<Record<string, string | undefined>>,
): string {
  const languages = service.errors.languages;
  return localizedErrorMessage(languages, english, languages && requestHeaders[languages.header]);
}

/** The service's 400 for a parameter, header or body that breaks its spec, in its own shape. */
export function invalidParameterBody(
  service: ApiEntry,
  details: string,
  requestHeaders: Readonly<Record<string, string | undefined>> = {},
): Json {
  const { code, message } = service.errors.invalidParameter;
  return serviceErrorBody(service, {
    code,
    message: `${serviceWording(service, message, requestHeaders)}: ${details}`,
  });
}

/** The service's 400 for a body that is not JSON, in its own shape. */
export function unparseableBodyBody(
  service: ApiEntry,
  reason: string,
  requestHeaders: Readonly<Record<string, string | undefined>> = {},
): Json {
  const { code, message } = service.errors.unparseableBody;
  return serviceErrorBody(service, {
    code,
    message: `${serviceWording(service, message, requestHeaders)}: body (json): ${reason}`,
  });
}

/** Why the gateway refused the credentials; each maps to the gateway's own wording. */
export type AuthFailure =
  | { kind: 'missing' }
  | { kind: 'unsupported-scheme' }
  | { kind: 'malformed-authorization' }
  | { kind: 'unknown-access-key' }
  | { kind: 'bad-signature' }
  | { kind: 'missing-date' }
  | { kind: 'expired'; signatureTime: string; serverTime: string }
  | { kind: 'locked'; until: Date };

const AUTH_PREFIX = 'Incorrect IAM authentication information';

export function authFailureMessage(failure: AuthFailure): string {
  switch (failure.kind) {
    case 'missing':
      return `${AUTH_PREFIX}: x-auth-token not found`;
    case 'unsupported-scheme':
      return `${AUTH_PREFIX}: unsupported Authorization scheme, expected SDK-HMAC-SHA256`;
    case 'malformed-authorization':
      return `${AUTH_PREFIX}: verify aksk signature fail, malformed Authorization header`;
    case 'unknown-access-key':
      // The gateway echoes the AK here; we leave it out so no credential reaches a log.
      return `${AUTH_PREFIX}: Get secretKey failed, err:ak not exist (hwsec-mock accepts the AK its banner shows: the default test pair, or the one set with --access-key/--secret-key or HWSEC_MOCK_ACCESS_KEY/HWSEC_MOCK_SECRET_KEY)`;
    case 'bad-signature':
      return `${AUTH_PREFIX}: verify aksk signature fail`;
    case 'missing-date':
      return `${AUTH_PREFIX}: verify aksk signature fail, x-sdk-date not found or not signed`;
    case 'expired':
      return `${AUTH_PREFIX}: signature expired, signature time:${failure.signatureTime},server time:${failure.serverTime}`;
    case 'locked':
      // The AK itself stays out of the message, as above.
      return `${AUTH_PREFIX}: the access key is locked until ${failure.until.toISOString()} after more than 5 signature failures in a row`;
  }
}

export function gatewayAuthBody(failure: AuthFailure, requestId: string): GatewayErrorBody {
  return { error_code: 'APIG.0301', error_msg: authFailureMessage(failure), request_id: requestId };
}

export function gatewayNotFoundBody(requestId: string): GatewayErrorBody {
  return {
    error_code: 'APIG.0101',
    error_msg: 'The API does not exist or has not been published in the environment',
    request_id: requestId,
  };
}

/** The gateway's APIG.0201: 400 "request error" (a malformed request) or 413 (entity too large). */
export function gatewayRequestErrorBody(message: string, requestId: string): GatewayErrorBody {
  return { error_code: 'APIG.0201', error_msg: message, request_id: requestId };
}

/**
 * The gateway's own answer when the service behind it fails (502 `APIG.0202`, "Backend
 * unavailable") or is too slow (504 `APIG.0203`, "Backend timeout"), as in API Gateway's list of
 * error codes. Sent only for a fault armed on purpose (fault-injection.ts).
 */
export function gatewayBackendBody(status: 502 | 504, requestId: string): GatewayErrorBody {
  return status === 502
    ? { error_code: 'APIG.0202', error_msg: 'Backend unavailable', request_id: requestId }
    : { error_code: 'APIG.0203', error_msg: 'Backend timeout', request_id: requestId };
}
