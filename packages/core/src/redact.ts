// Secrets (token, AK, SK, security token, signatures) never reach a message, a log line, an error
// body or a serialized error: every text that leaves our code through an error passes through
// here. A server may echo a secret however it likes, so each secret is also looked for
// URL-encoded, JSON-escaped and base64/base64url-encoded (at the three byte alignments), and any
// fragment of MIN_FRAGMENT or more characters of one of these forms is masked too. Secrets shorter
// than that are masked where they appear whole.
export const REDACTED = '[REDACTED]';

/** The shortest echoed piece of a secret that is masked (7 characters of an SK leave 33 unknown). */
export const MIN_FRAGMENT = 8;

export type Redactor = (text: string) => string;

/** Signatures change per request, so any `Signature=<hex>` and any bare 64-hex-digit run is masked. */
const SIGNATURE = /Signature=[0-9a-fA-F]+|\b[0-9a-fA-F]{64}\b/g;
export const redactSignatures: Redactor = (text) =>
  text.replace(SIGNATURE, (match) => (match[9] === '=' ? `Signature=${REDACTED}` : REDACTED));

const base64 = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

/** The forms a server might echo a secret in. */
function encodings(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  // A shift past a short secret's end gives an empty form: the redactor skips those.
  for (let shift = 0; shift < 3; shift++) {
    const b64 = base64(bytes.subarray(shift)).replace(/=/g, '');
    forms.push(b64, b64.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

/** Masks the given secrets (in every form above) and any signature. */
export function createRedactor(secrets: readonly string[]): Redactor {
  let whole: string[] | undefined;
  let grams: Set<string> | undefined;
  // Built on the first error only: most clients never need it.
  const prepare = () => {
    const forms = secrets.flatMap(encodings);
    // Longest first, so a short secret inside a longer one does not leave the rest of it.
    whole = forms.filter((form) => form.length < MIN_FRAGMENT).sort((a, b) => b.length - a.length);
    grams = new Set();
    for (const form of forms)
      for (let end = MIN_FRAGMENT; end <= form.length; end++)
        grams.add(form.slice(end - MIN_FRAGMENT, end));
  };
  return (text) => {
    // Stryker disable next-line ConditionalExpression: a cache, same tables either way
    if (!grams) prepare();
    let out = redactSignatures(text);
    for (const form of whole!) if (form) out = out.split(form).join(REDACTED);
    // Every window of MIN_FRAGMENT characters that is part of a secret's form is masked;
    // overlapping windows merge into one mask.
    let result = '';
    let kept = 0;
    let end = -1;
    for (let i = 0; i + MIN_FRAGMENT <= out.length; i++) {
      if (!grams!.has(out.slice(i, i + MIN_FRAGMENT))) continue;
      if (i > end) {
        if (end !== -1) result += REDACTED;
        result += out.slice(kept, i);
      }
      end = i + MIN_FRAGMENT;
      kept = end;
    }
    return end === -1 ? out : `${result}${REDACTED}${out.slice(kept)}`;
  };
}

/**
 * A copy of a parsed JSON value with every string, keys included, redacted. Deeper than 64
 * levels, what is left is replaced by its redacted JSON text.
 */
export function redactJson(value: unknown, redact: Redactor, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (!value || typeof value !== 'object') return value;
  if (depth > 64) return redact(JSON.stringify(value));
  if (Array.isArray(value)) return value.map((item) => redactJson(item, redact, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key in value)
    out[redact(key)] = redactJson((value as Record<string, unknown>)[key], redact, depth + 1);
  return out;
}
