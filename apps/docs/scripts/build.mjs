// Builds the static docs site into dist/: one Redocly reference page per service (with code
// samples injected into a copy of its bundle), the mock control API's reference page, the
// "Testing a flow" and "Placing orders safely" pages, the landing page, and the bundles themselves.
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
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { copyApiReference } from '../src/api-reference.mjs';
import { bundleFile } from '../src/bundles.mjs';
import { typescriptSample } from '../src/code-samples.mjs';
import { controlDocsCopy, docsCopy } from '../src/docs-copy.mjs';
import { listOperations } from '../src/operations.mjs';
import {
  readFlowExample,
  readLostAnswerExample,
  readMockReadme,
  renderFlowPage,
  rulesHtml,
} from '../src/flow-page.mjs';
import { renderLandingPage } from '../src/landing-page.mjs';
import { readOrdersSample, renderOrdersPage } from '../src/orders-page.mjs';
import { alternateLinks, fillPercentSlots, languageSwitch } from '../src/language-switch.mjs';
import { assertSelfContained, localizeRedocAssets } from '../src/offline.mjs';
import { localizeRedocLabels, readRedocLabels } from '../src/redoc-labels.mjs';
import { readControlDocument } from '../src/mock-sources.mjs';
import {
  controlReferencePage,
  flowPage,
  operationAnchor,
  ordersPage,
  referencePage,
  specDownload,
} from '../src/pages.mjs';
import { services } from '../src/services.mjs';
import { rootPrefix, siteLanguages } from '../src/site-languages.mjs';
import { translateTemplate } from '../src/template-translation.mjs';
import {
  buildConsoleScript,
  CONSOLE_SCRIPT,
  consoleHtml,
  consoleTemplate,
} from '../src/try-it/page-console.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const finalDir = join(appDir, 'dist');
// Built beside dist/ and swapped in at the end, so a running `pnpm site` never serves half a site.
const distDir = mkdtempSync(join(appDir, '.dist-'));
chmodSync(distDir, 0o755);
const samplesDir = join(appDir, 'samples');
const templatesDir = join(appDir, 'templates');
const redocly = join(appDir, 'node_modules', '.bin', 'redocly');
const run = promisify(execFile);
const redoclyOptions = parse(readFileSync(join(appDir, 'redocly.yaml'), 'utf8'));

mkdirSync(join(distDir, 'openapi'));
const workDir = mkdtempSync(join(tmpdir(), 'hwsec-docs-'));

/**
 * One reference page: the docs copy of the bundle, rendered by `redocly build-docs`, with the
 * Try it console for its operations.
 */
async function buildReferencePage(language, { service, doc, page }) {
  const { copy, sampleLabels } = docsCopy(doc, service, samplesDir, language);
  await renderRedocPage(language, {
    base: `${language.code}-${service.id}`,
    copy,
    sampleLabels,
    page,
    title: language.text.referenceTitle(service),
    beforeBodyEnd: consoleHtml(
      consoleTemplate(templatesDir, language),
      doc,
      service,
      rootPrefix(language),
    ),
  });
}

/** The mock control API's page: one English document, framed in each site language. */
async function buildControlPage(language, controlDoc) {
  await renderRedocPage(language, {
    base: `${language.code}-mock-control`,
    copy: controlDocsCopy(controlDoc, language),
    sampleLabels: [],
    page: controlReferencePage,
    title: language.text.controlTitle,
  });
}

/** `redocly build-docs` of one docs copy into `page` of `language`, checked self-contained. */
async function renderRedocPage(
  language,
  { base, copy, sampleLabels, page, title, beforeBodyEnd = '' },
) {
  // JSON is valid YAML: Redocly reads it, and no YAML re-serialisation can alter the spec.
  const input = join(workDir, `${base}.json`);
  writeFileSync(input, JSON.stringify(copy));
  // Redoc shows only the code samples its config lists, in that order.
  const config = join(workDir, `${base}.redocly.yaml`);
  writeFileSync(
    config,
    stringify({
      ...redoclyOptions,
      openapi: {
        ...redoclyOptions.openapi,
        codeSamples: { languages: sampleLabels.map((label) => ({ lang: label })) },
      },
    }),
  );
  const template = join(workDir, `${base}.template.html`);
  writeFileSync(
    template,
    fillPercentSlots(readFileSync(join(templatesDir, 'reference.html'), 'utf8'), {
      htmlLang: language.code,
      root: rootPrefix(language),
      alternates: alternateLinks(language, page),
      languageSwitch: languageSwitch(language, page),
    }),
  );
  const output = join(distDir, language.folder, page);
  await run(
    redocly,
    [
      'build-docs',
      input,
      '--config',
      config,
      '--inlineBundle',
      '--template',
      template,
      '--output',
      output,
      '--title',
      title,
    ],
    {
      cwd: appDir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', DO_NOT_TRACK: '1' },
      maxBuffer: 16 << 20,
    },
  ).catch((error) => {
    throw new Error(
      `redocly build-docs failed for ${language.code} ${base}:\n${error.stderr || error.message}`,
    );
  });
  const rendered = localizeRedocLabels(
    localizeRedocAssets(readFileSync(output, 'utf8')),
    readRedocLabels(templatesDir, language),
  );
  const end = rendered.lastIndexOf('</body>');
  if (end < 0) throw new Error(`redocly build-docs wrote no </body> for ${language.code} ${base}`);
  const html = `${rendered.slice(0, end)}${beforeBodyEnd}\n${rendered.slice(end)}`;
  assertSelfContained(`${language.folder}${page}`, html);
  writeFileSync(output, html);
}

/** `templates/<name>.html`, translated by `<name>.<lang>.yaml` for a language in a folder. */
function pageTemplate(language, name) {
  const english = readFileSync(join(templatesDir, `${name}.html`), 'utf8');
  if (!language.folder) return english;
  const { html, missing } = translateTemplate(
    english,
    join(templatesDir, `${name}.${language.code}.yaml`),
  );
  // The docs tests fail on these; the build still writes a page a reader can use.
  for (const text of missing)
    console.warn(`docs: ${language.code} ${name} page: no longer in ${name}.html: ${text}`);
  return html;
}

function writeFlowPage(language, { styles, readme, example, lostAnswerExample, controlDoc }) {
  const rules = rulesHtml(readme.rules, templatesDir, language);
  for (const text of rules.missing)
    console.warn(`docs: ${language.code} mock rules: no longer in apps/mock/README.md: ${text}`);
  const html = renderFlowPage({
    template: pageTemplate(language, 'flow'),
    styles,
    alternates: alternateLinks(language, flowPage),
    languageSwitch: languageSwitch(language, flowPage),
    startCommands: readme.startCommands,
    rules: rules.html,
    example,
    lostAnswerExample,
    controlDoc,
  });
  assertSelfContained(`${language.folder}${flowPage}`, html);
  writeFileSync(join(distDir, language.folder, flowPage), html);
}

function writeOrdersPage(language, { styles, apis }) {
  const html = renderOrdersPage({
    template: pageTemplate(language, 'orders'),
    styles,
    alternates: alternateLinks(language, ordersPage),
    languageSwitch: languageSwitch(language, ordersPage),
    example: readOrdersSample(),
    apis,
  });
  assertSelfContained(`${language.folder}${ordersPage}`, html);
  writeFileSync(join(distDir, language.folder, ordersPage), html);
}

/** The landing page's sample: the first operation of the first API with a client. */
function landingSample(language) {
  for (const service of services.filter((s) => s.clientPackage)) {
    const doc = parse(readFileSync(bundleFile(service, language), 'utf8'));
    const [op] = listOperations(doc);
    if (op)
      return { service, source: typescriptSample(doc, service, op, samplesDir, language).source };
  }
  throw new Error('no API has a client (x-hwsec-client) to show on the landing page');
}

try {
  writeFileSync(join(distDir, CONSOLE_SCRIPT), await buildConsoleScript());
  const styles = readFileSync(join(templatesDir, 'landing.css'), 'utf8');
  const controlDoc = readControlDocument();
  const flowSources = {
    styles,
    readme: readMockReadme(),
    example: readFlowExample(),
    lostAnswerExample: readLostAnswerExample(),
    controlDoc,
  };
  for (const language of siteLanguages) {
    if (language.folder) mkdirSync(join(distDir, language.folder), { recursive: true });
    const apis = services.map((service) => {
      const source = bundleFile(service, language);
      const download = specDownload(service, language);
      copyFileSync(source, join(distDir, download));
      return {
        service,
        doc: parse(readFileSync(source, 'utf8')),
        page: referencePage(service),
        specFile: `${rootPrefix(language)}${download}`,
      };
    });
    await Promise.all([
      ...apis.map((api) => buildReferencePage(language, api)),
      buildControlPage(language, controlDoc),
    ]);
    writeFlowPage(language, flowSources);
    writeOrdersPage(language, { styles, apis });
    const landing = renderLandingPage({
      template: pageTemplate(language, 'landing'),
      styles,
      apis,
      clientSample: landingSample(language),
      operationAnchor,
      text: language.text,
      languageSwitch: languageSwitch(language, 'index.html'),
      alternates: alternateLinks(language, 'index.html'),
    });
    assertSelfContained(`${language.folder}index.html`, landing);
    writeFileSync(join(distDir, language.folder, 'index.html'), landing);
  }
  copyFileSync(join(appDir, 'assets', 'favicon.svg'), join(distDir, 'favicon.svg'));
  copyApiReference(distDir);
  rmSync(finalDir, { recursive: true, force: true });
  renameSync(distDir, finalDir);
  console.log(
    `docs: built ${services.length} reference pages, the mock control reference, "Testing a flow", "Placing orders safely" and the landing page in ${siteLanguages.map((l) => l.name).join(' and ')} in ${finalDir}`,
  );
} finally {
  rmSync(workDir, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
}
