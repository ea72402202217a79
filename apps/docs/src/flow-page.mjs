// The "Testing a flow" page (templates/flow.html): how to start the mock stateful and the rules it
// applies come from the mock's README, the example is the mock's own file shown byte for byte, and
// the control operations are listed from the control API document. Nothing here is a copy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml, fillTemplate } from './landing-page.mjs';
import { firstCodeBlock, markdownSection, renderMarkdown } from './markdown-section.mjs';
import { flowExampleFile, lostAnswerExampleFile, mockReadmeFile } from './mock-sources.mjs';
import { listOperations } from './operations.mjs';
import { controlReferencePage, operationAnchor } from './pages.mjs';
import { translateTemplate } from './template-translation.mjs';

const readmeName = 'apps/mock/README.md';

/** What the page shows from the mock's README, as the README says it. */
export function readMockReadme() {
  const readme = readFileSync(mockReadmeFile, 'utf8');
  const stateful = markdownSection(readme, '## Stateful mode', readmeName);
  return {
    startCommands: firstCodeBlock(stateful, 'sh', `${readmeName} "Stateful mode"`),
    rules: markdownSection(stateful, '### Rules', `${readmeName} "Stateful mode"`),
  };
}

/** The example, exactly as the file holds it. */
export function readFlowExample() {
  return readFileSync(flowExampleFile, 'utf8');
}

/** The lost-answer example, exactly as the file holds it. */
export function readLostAnswerExample() {
  return readFileSync(lostAnswerExampleFile, 'utf8');
}

/** The translation of the README's rules: `templates/mock-rules.<lang>.yaml`. */
export function rulesTranslationFile(templatesDir, language) {
  return join(templatesDir, `mock-rules.${language.code}.yaml`);
}

/**
 * The README's rules in the page's language, as HTML.
 * @returns {{ html: string, missing: string[] }} `missing`: translated texts the README no
 *   longer has (a changed rule); empty in English
 */
export function rulesHtml(rulesMarkdown, templatesDir, language) {
  if (!language.folder) return { html: renderMarkdown(rulesMarkdown), missing: [] };
  const { html: markdown, missing } = translateTemplate(
    rulesMarkdown,
    rulesTranslationFile(templatesDir, language),
  );
  return { html: renderMarkdown(markdown), missing };
}

/** One row per operation of the control document, each linked to its reference entry. */
export function controlOperationRows(controlDoc) {
  return listOperations(controlDoc)
    .map(
      (op) => `
            <tr data-operation-id="${escapeHtml(op.operationId)}">
              <td><span class="method method-${op.method}">${op.method.toUpperCase()}</span></td>
              <td><code>${escapeHtml(op.path)}</code></td>
              <td><a href="${controlReferencePage}${operationAnchor(op)}"><code>${escapeHtml(op.operationId)}</code></a></td>
            </tr>`,
    )
    .join('');
}

/**
 * @param {object} options
 * @param {string} options.template templates/flow.html, already in the page's language
 * @param {string} options.styles @param {string} options.alternates
 * @param {string} options.languageSwitch
 * @param {string} options.startCommands @param {string} options.rules HTML
 * @param {string} options.example @param {object} options.controlDoc
 * @param {string} options.lostAnswerExample
 */
export function renderFlowPage({
  template,
  styles,
  alternates,
  languageSwitch,
  startCommands,
  rules,
  example,
  controlDoc,
  lostAnswerExample,
}) {
  return fillTemplate(template, {
    styles,
    alternates,
    languageSwitch,
    startCommands: escapeHtml(startCommands),
    controlOperations: controlOperationRows(controlDoc),
    // Byte for byte: no trimming, so the page's code is the file (the browser test compares).
    example: escapeHtml(example),
    lostAnswerExample: escapeHtml(lostAnswerExample),
    rules,
  });
}
