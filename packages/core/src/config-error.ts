// A client that cannot work as configured is refused when it is created, never at call time:
// the error names the option, says what is wrong with it and what is allowed. Nothing has been
// sent, so no order can have been placed. The offending value is quoted only when it cannot be a
// secret (callers pass `shownValue` for regions, URLs, numbers; never for credentials).
import { HwsecError } from './errors.js';

export class HwsecConfigError extends HwsecError {
  declare readonly name: 'HwsecConfigError';
  declare readonly kind: 'config';
  /** The option at fault, as the caller spells it: `region`, `credentials.secretKey`, `timeoutMs` ... */
  declare readonly option: string;
  /** What would be accepted, in words (e.g. the list of regions). */
  declare readonly allowed: string;
  /** Always false: a client that could not be created sent nothing. */
  declare readonly mayHaveBeenProcessed: false;

  constructor(option: string, problem: string, allowed: string) {
    super(`${option}: ${problem}. Allowed: ${allowed}.`, {
      operation: 'createClient',
      name: 'HwsecConfigError',
      kind: 'config',
      option,
      allowed,
      mayHaveBeenProcessed: false,
    });
  }
}
