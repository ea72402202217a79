// Runs a documented TypeScript sample as a user would: compiled as is (esbuild strips the types,
// nothing else changes), in its own Node process started in `cwd` (so `@hwsec/...` resolves as it
// would for the user), with ONLY the documented variables in its environment. Against the mock,
// those variables are all it takes: the samples themselves are never edited to run.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transform } from 'esbuild';

/** The AK/SK pair the mock verifies signatures with (its default test credentials). */
export const MOCK_ACCESS_KEY = 'AKTESTEXAMPLE0000000';
export const MOCK_SECRET_KEY = 'SKtestexample0000000000000000000000000000';
export const SAMPLE_PROJECT_ID = '0123456789abcdef0123456789abcdef';
/** The account (domain) id a sample of a global service signs as X-Domain-Id. */
export const SAMPLE_DOMAIN_ID = 'fedcba9876543210fedcba9876543210';

/**
 * The documented variables for a run against the mock: each client's HWSEC_<API>_BASE_URL, the
 * project, the account id for a sample that names HUAWEICLOUD_SDK_DOMAIN_ID (global services), and
 * one credential kind (a token sample gets HWSEC_IAM_TOKEN, every other sample the Huawei SDK's
 * AK/SK variables; both at once would be ambiguous and is refused by the clients).
 */
export function documentedEnv(
  mockUrls: Readonly<Partial<Record<string, string>>>,
  source: string,
): Record<string, string> {
  const env: Record<string, string> = { HUAWEICLOUD_SDK_PROJECT_ID: SAMPLE_PROJECT_ID };
  for (const [api, url] of Object.entries(mockUrls))
    if (url) env[`HWSEC_${api.toUpperCase()}_BASE_URL`] = url;
  if (source.includes('HUAWEICLOUD_SDK_DOMAIN_ID'))
    env['HUAWEICLOUD_SDK_DOMAIN_ID'] = SAMPLE_DOMAIN_ID;
  if (source.includes('HWSEC_IAM_TOKEN')) env['HWSEC_IAM_TOKEN'] = 'IAM-TOKEN-FOR-THE-MOCK';
  else
    Object.assign(env, {
      HUAWEICLOUD_SDK_AK: MOCK_ACCESS_KEY,
      HUAWEICLOUD_SDK_SK: MOCK_SECRET_KEY,
    });
  return env;
}

export interface SampleRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runSample(
  source: string,
  options: { cwd: string; env: Record<string, string> },
): Promise<SampleRun> {
  const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'node20' });
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module'],
      {
        cwd: options.cwd,
        // PATH only to find nothing in particular; a fresh HOME so no user config leaks in.
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: mkdtempSync(join(tmpdir(), 'hwsec-sample-')),
          ...options.env,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({
          exitCode: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    );
    child.stdin!.end(code);
  });
}

/** The ```ts blocks of a Markdown file, in order. */
export function typescriptBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}
