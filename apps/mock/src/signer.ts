/**
 * The signer the verifier recomputes signatures with: the project's own `@hwsec/core` signer,
 * the very code the clients sign with, so the mock checks users' signing against it and not
 * against a second implementation that could drift.
 */
import { createAkSkSigner, type AkSkKeyPair, type AkSkSigner } from '@hwsec/core';

const signers = new Map<string, AkSkSigner>();

/**
 * The `Authorization` value `credential` would send for this request. `headers` must hold
 * exactly the signed headers, X-Sdk-Date and host included, as received.
 */
export async function expectedAuthorization(
  credential: AkSkKeyPair,
  request: { method: string; url: string; headers: Record<string, string>; body: string },
): Promise<string> {
  const key = `${credential.accessKey}\n${credential.secretKey}`;
  let signer = signers.get(key);
  if (!signer) signers.set(key, (signer = createAkSkSigner(credential)));
  return signer.sign({ ...request, headers: { ...request.headers } });
}
