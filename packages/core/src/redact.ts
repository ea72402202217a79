// Secrets (token, AK, SK, security token, signatures) never reach a message, a log line or a
// serialized error: every text that leaves our code through an error passes through here.
export const REDACTED = '[REDACTED]';

export type Redactor = (text: string) => string;

/** Signatures change per request, so any `Signature=<hex>` is masked whatever the key. */
const SIGNATURE = /Signature=[0-9a-fA-F]+/g;
export const redactSignatures: Redactor = (text) =>
  text.replace(SIGNATURE, `Signature=${REDACTED}`);

/** Masks the given secrets and any signature. */
export function createRedactor(secrets: readonly string[]): Redactor {
  return (text) => {
    let out = redactSignatures(text);
    for (const secret of secrets) out = out.split(secret).join(REDACTED);
    return out;
  };
}
