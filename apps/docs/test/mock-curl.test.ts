// The reference pages' "curl · local mock" samples run as shown: each one, in every language, is
// run by the real curl against one real mock (every registered API on a free port, in place of
// the default port the sample names) and must get a 2xx answer with a JSON body (or none: 204). curl's own
// options (silent, print the status) come from a .curlrc, so the sample's text is run unchanged.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startMock, type RunningMock } from '@hwsec/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundleFile } from '../src/bundles.mjs';
import { docsCopy } from '../src/docs-copy.mjs';
import { listOperations } from '../src/operations.mjs';
import { services } from '../src/services.mjs';
import { siteLanguages } from '../src/site-languages.mjs';
import { appDir } from './site-expectations.js';

const run = promisify(execFile);

/** Every mock sample of the site: the page's language, the API, the operation and the text. */
const mockSamples = siteLanguages.flatMap((language) =>
  services.flatMap((service) => {
    const doc = parse(readFileSync(bundleFile(service, language), 'utf8'));
    const { copy } = docsCopy(doc, service, join(appDir, 'samples'), language);
    return listOperations(copy).map((op) => {
      const label = `curl · ${language.text.mockSampleLabel}`;
      const sample = (op.operation['x-codeSamples'] as { label: string; source: string }[]).find(
        (candidate) => candidate.label === label,
      );
      if (!sample) throw new Error(`${service.id} ${op.operationId}: no "${label}" sample`);
      return { language, service, operationId: op.operationId, source: sample.source };
    });
  }),
);

let mock: RunningMock;
let curlHome: string;

beforeAll(async () => {
  mock = await startMock({ ports: Object.fromEntries(services.map((s) => [s.id, 0])) });
  curlHome = mkdtempSync(join(tmpdir(), 'hwsec-docs-curl-'));
  // The status on a line of its own after the body; errors (a refused connection) on stderr.
  writeFileSync(
    join(curlHome, '.curlrc'),
    '--silent\n--show-error\n--write-out "\\n%{http_code}"\n',
  );
});

afterAll(async () => {
  await mock?.close();
  if (curlHome) rmSync(curlHome, { recursive: true, force: true });
});

describe('the curl sample for the local mock', () => {
  it.each(mockSamples.map((s) => [s.language.code, s.service.id, s.operationId, s] as const))(
    '%s %s %s runs as shown',
    async (_language, _service, _operationId, { service, source }) => {
      const defaultOrigin = `http://127.0.0.1:${service.mockPort}`;
      expect(source).toContain(`"${defaultOrigin}/`);
      // Only the port differs: the test's mock must not collide with one a reader has running.
      const script = source.replaceAll(defaultOrigin, mock.urls[service.id]!.replace(/\/$/, ''));
      const { stdout } = await run('sh', ['-c', script], {
        env: { PATH: process.env['PATH'], CURL_HOME: curlHome },
      });
      const status = Number(stdout.slice(stdout.lastIndexOf('\n') + 1));
      const body = stdout.slice(0, stdout.lastIndexOf('\n'));
      expect(status, body).toBeGreaterThanOrEqual(200);
      expect(status, body).toBeLessThan(300);
      // A 204 (BSS's PayOrders) has no body; every other answer is the service's JSON.
      if (status === 204) expect(body).toBe('');
      else expect(() => JSON.parse(body), body).not.toThrow();
    },
  );
});
