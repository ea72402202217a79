// Requests generated the way core's property test generates them (seeded, so every runtime and
// every run checks the same ones), signed by Huawei's official signer here in Node. A runtime
// then signs each with our signer and must write the same Authorization.
import fc from 'fast-check';
import {
  generatedRequest,
  isComparable,
  signableForms,
} from '@hwsec/test-support/generated-requests';
import { officialAuthorization } from '@hwsec/test-support/official-signer';
import { AK, SK, referenceVectors } from '@hwsec/test-support/vectors';
import type { SignatureVector } from '../portable/context.ts';

export function officialVectors(count: number, seed = 20261201): SignatureVector[] {
  const requests = fc
    .sample(generatedRequest, { numRuns: count * 2, seed })
    .filter(isComparable)
    .slice(0, count);
  return requests.map((request, index) => {
    const forms = signableForms(request);
    return {
      name: `#${index} ${forms.ours.method} ${forms.ours.url.slice(0, 60)}`,
      ...forms.ours,
      accessKey: request.ak,
      secretKey: request.sk,
      authorization: officialAuthorization(forms.official, request.ak, request.sk),
    };
  });
}

export const signerReferenceVectors: SignatureVector[] = referenceVectors.map((vector) => ({
  ...vector,
  accessKey: AK,
  secretKey: SK,
}));
