// Builds the static docs site into dist/: one Redocly reference page per service (with code
// samples injected into a copy of its bundle), the landing page, and the bundles themselves.
// Every page is self-contained (--inlineBundle); the build fails if one would load from another host.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { docsCopy } from '../src/docs-copy.mjs';
import { renderLandingPage } from '../src/landing-page.mjs';
import { assertSelfContained, localizeRedocAssets } from '../src/offline.mjs';
import { operationAnchor, referencePage } from '../src/pages.mjs';
import { services } from '../src/services.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const finalDir = join(appDir, 'dist');
// Built beside dist/ and swapped in at the end, so a running `pnpm docs` never serves half a site.
const distDir = mkdtempSync(join(appDir, '.dist-'));
chmodSync(distDir, 0o755);
const samplesDir = join(appDir, 'samples');
const redocly = join(appDir, 'node_modules', '.bin', 'redocly');
const specDir = dirname(fileURLToPath(import.meta.resolve('@hwsec/spec/hss.yaml')));
const run = promisify(execFile);

mkdirSync(join(distDir, 'openapi'));
const workDir = mkdtempSync(join(tmpdir(), 'hwsec-docs-'));

try {
  const apis = services.map((service) => {
    const specFile = `openapi/${service.id}.yaml`;
    const source = join(specDir, `${service.id}.yaml`);
    copyFileSync(source, join(distDir, specFile));
    return {
      service,
      doc: parse(readFileSync(source, 'utf8')),
      page: referencePage(service),
      specFile,
    };
  });

  await Promise.all(
    apis.map(async ({ service, doc, page }) => {
      // JSON is valid YAML: Redocly reads it, and no YAML re-serialisation can alter the spec.
      const input = join(workDir, `${service.id}.json`);
      writeFileSync(input, JSON.stringify(docsCopy(doc, service, samplesDir)));
      const output = join(distDir, page);
      await run(
        redocly,
        [
          'build-docs',
          input,
          '--config',
          join(appDir, 'redocly.yaml'),
          '--inlineBundle',
          '--template',
          join(appDir, 'templates', 'reference.html'),
          '--output',
          output,
          '--title',
          `${service.name} API reference · hwsec`,
        ],
        {
          cwd: appDir,
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', DO_NOT_TRACK: '1' },
          maxBuffer: 16 << 20,
        },
      ).catch((error) => {
        throw new Error(
          `redocly build-docs failed for ${service.id}:\n${error.stderr || error.message}`,
        );
      });
      const html = localizeRedocAssets(readFileSync(output, 'utf8'));
      assertSelfContained(page, html);
      writeFileSync(output, html);
    }),
  );

  const landing = renderLandingPage({
    templateFile: join(appDir, 'templates', 'landing.html'),
    apis,
    clientSample: readFileSync(join(samplesDir, 'hss', 'createQuotasOrder.ts'), 'utf8'),
    operationAnchor,
  });
  assertSelfContained('index.html', landing);
  writeFileSync(join(distDir, 'index.html'), landing);
  copyFileSync(join(appDir, 'assets', 'favicon.svg'), join(distDir, 'favicon.svg'));
  rmSync(finalDir, { recursive: true, force: true });
  renameSync(distDir, finalDir);
  console.log(`docs: built ${apis.length} reference pages and the landing page in ${finalDir}`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
}
