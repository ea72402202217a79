// Builds what one call sends: the headers Huawei's SDK adds, the credentials, and per attempt a
// fresh date and signature. Which credentials and whether `X-Project-Id` (regional services) or
// `X-Domain-Id` (global ones) is sent are decided here, once per client. Nothing here sends, waits or retries (that is transport.ts).
import type { TransportConfig } from './client-config.js';
import type { AkSkCredentials } from './credentials.js';
import type { MaybePromise } from './crypto/types.js';
import { HwsecInputError } from './errors.js';
import { HEADER_VALUE, HEADER_VALUE_RULE } from './option-checks.js';
import { createAkSkSigner } from './signer/aksk-signer.js';
import { formatSdkDate } from './signer/sdk-date.js';

export interface RequestBuilder {
  /** The headers every attempt of a call shares; throws HwsecInputError for an unsendable one. */
  headers(
    operation: string,
    given: Headers,
    callProjectId: string | undefined,
  ): Record<string, string>;
  /** One attempt's headers for `url`: a fresh `X-Sdk-Date` and signature with AK/SK. */
  attempt(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | null,
  ): MaybePromise<Record<string, string>>;
}

/** Which option a header's bad value came from, for the error (never the value itself). */
const ORIGIN: Record<string, string> = {
  'x-auth-token': 'credentials.token',
  'x-security-token': 'credentials.securityToken',
};

export function createRequestBuilder(config: TransportConfig): RequestBuilder {
  const { credentials, aksk, projectId, domainId, userAgent, clock } = config;
  const keys = credentials as AkSkCredentials;
  const signer = aksk ? createAkSkSigner(keys) : undefined;
  const token = aksk ? undefined : (credentials as { token: string }).token;

  return {
    headers(operation, given, callProjectId) {
      const headers: Record<string, string> = {};
      given.forEach((value, name) => (headers[name] = value));
      // The official HcClient always sends `content-type: application/json` for these APIs,
      // even on GET, and reduces any JSON variant (`;charset=utf-8`) to exactly that.
      const type = headers['content-type'];
      if (!type || type.includes('application/json')) headers['content-type'] = 'application/json';
      if (token !== undefined) headers['x-auth-token'] = token;
      else {
        // The official SDK sends X-Project-Id with AK/SK only, equal to the path's project.
        const project = callProjectId ?? projectId;
        if (project) headers['x-project-id'] ??= project;
        // GlobalCredentials: the account id, added before signing, so it is signed.
        if (domainId) headers['x-domain-id'] ??= domainId;
        if (keys.securityToken) headers['x-security-token'] = keys.securityToken;
      }
      for (const name in headers)
        if (!HEADER_VALUE.test(headers[name]!))
          throw new HwsecInputError(operation, ORIGIN[name] ?? `header ${name}`, HEADER_VALUE_RULE);
      return headers;
    },
    attempt(method, url, headers, body) {
      const sent = { ...headers };
      const finish = (authorization?: string) => {
        if (authorization) sent['authorization'] = authorization;
        // User-Agent is not signed, as in the official SDK.
        if (userAgent) sent['user-agent'] = userAgent;
        return sent;
      };
      if (!signer) return finish();
      // Every attempt (and every redirect a read follows) is signed afresh, with a fresh date.
      sent['x-sdk-date'] = formatSdkDate(clock());
      const authorization = signer.sign({ method, url, headers: sent, body });
      return typeof authorization === 'string' ? finish(authorization) : authorization.then(finish);
    },
  };
}
