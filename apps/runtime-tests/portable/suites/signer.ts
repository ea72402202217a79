// The AK/SK signer, as each runtime loads it (node:crypto on Node, Deno and Bun; Web Crypto on
// workerd), against the reference vectors and against Huawei's official signer.
import { createAkSkSigner } from '@hwsec/core';
import type { PortableContext, SignatureVector } from '../context.ts';
import { checkEqual, type Case } from '../harness.ts';

const sign = (vector: SignatureVector) =>
  createAkSkSigner({ accessKey: vector.accessKey, secretKey: vector.secretKey }).sign({
    method: vector.method,
    url: vector.url,
    headers: { ...vector.headers },
    body: vector.body,
  });

export function signerCases(context: PortableContext): Case[] {
  return [
    ...context.referenceVectors.map((vector) => ({
      name: `signer: reference vector ${vector.name}`,
      run: async () => checkEqual(await sign(vector), vector.authorization, vector.name),
    })),
    {
      name: `signer: agrees with the official signer on ${context.officialVectors.length} generated requests`,
      run: async () => {
        for (const vector of context.officialVectors) {
          checkEqual(await sign(vector), vector.authorization, `generated request ${vector.name}`);
        }
      },
    },
  ];
}
