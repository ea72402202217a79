// The Web Crypto build (what browsers and edge workers load) agrees with the official signer too.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { createAkSkSigner as CreateSigner } from '../dist/index.js';
import { bundleForBrowser } from './support/browser-bundle.js';
import { generatedRequest, isComparable, signBoth } from '@hwsec/test-support/generated-requests';

describe('web build of the signer', () => {
  it('matches the official signer on generated requests, asynchronously', async () => {
    const code = await bundleForBrowser(
      fileURLToPath(new URL('./browser/signer-entry.ts', import.meta.url)),
    );
    expect(code).toContain('crypto.subtle');
    const file = join(mkdtempSync(join(tmpdir(), 'hwsec-web-signer-')), 'signer.mjs');
    writeFileSync(file, code);
    const { createAkSkSigner } = (await import(pathToFileURL(file).href)) as {
      createAkSkSigner: typeof CreateSigner;
    };
    const sample = createAkSkSigner({ accessKey: 'A', secretKey: 'S' }).sign({
      method: 'GET',
      url: 'https://h/x',
      headers: { 'X-Sdk-Date': '20260101T000000Z' },
    });
    expect(sample).toBeInstanceOf(Promise);
    await fc.assert(
      fc.asyncProperty(generatedRequest, async (r) => {
        fc.pre(isComparable(r));
        const { ours, official } = await signBoth(r, createAkSkSigner);
        expect(ours).toBe(official);
      }),
      { numRuns: 300 },
    );
  }, 300_000);
});
