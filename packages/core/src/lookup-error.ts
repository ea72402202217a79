// A call whose project id (regional services) or account id (global ones) had to be looked up
// through IAM, and could not be: the call itself was never sent, so nothing can have been placed.
// Raised at call time (the lookup happens on first use), unlike HwsecConfigError, but it names the
// option that makes the lookup unnecessary, as a config error would.
//
// The class is only its fields: ask-iam.ts, loaded on the first lookup, words the message and fills
// them (HwsecError's constructor), so that clients which never look an id up do not ship it.
import { HwsecError } from './errors.js';

export class HwsecLookupError extends HwsecError {
  declare readonly name: 'HwsecLookupError';
  declare readonly kind: 'lookup';
  /** IAM's read that looked the id up: `KeystoneListProjects` or `KeystoneListAuthDomains`. */
  declare readonly lookup: string;
  /** The option that, set, makes the lookup unnecessary: `projectId` or `domainId`. */
  declare readonly option: 'projectId' | 'domainId';
  /** The region whose project was looked for (absent for an account id). */
  declare readonly region: string | undefined;
  /** How many IAM listed when it answered (exactly one is needed). */
  declare readonly found: number | undefined;
  /** IAM's HTTP status when it refused the lookup (e.g. 403: the key may not list projects). */
  declare readonly status: number | undefined;
  /** The `X-Request-Id` of IAM's answer, when it gave one. */
  declare readonly requestId: string | undefined;
  /** The call itself made no attempt. */
  declare readonly attempts: 0;
  /** Always false: the call was not sent. */
  declare readonly mayHaveBeenProcessed: false;
}
