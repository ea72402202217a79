// The reference pages render a copy of each bundle with docs-only additions; the hand-written
// spec stays the single source and never carries them.
import { addCodeSamples } from './code-samples.mjs';
import { listOperations } from './operations.mjs';
import { clientMethodName, clientVariable } from './typescript-sample.mjs';

/**
 * @param {object} doc a bundled OpenAPI document (not modified)
 * @param {{ id: string, clientPackage?: string }} service
 * @param {string} samplesDir
 * @param {{ text: Record<string, any> }} language the site language the copy is rendered in
 * @returns {{ copy: object, sampleLabels: string[] }} the copy Redocly renders, and the labels
 *   of its code samples (Redoc shows only the labels its config lists)
 */
export function docsCopy(doc, service, samplesDir, language) {
  const { text } = language;
  const copy = structuredClone(doc);
  copy.info.description = `[${text.backLink}](index.html)\n\n${copy.info.description ?? ''}`;
  const sampleLabels = addCodeSamples(copy, service, samplesDir, language);
  for (const op of listOperations(copy)) {
    if (!service.clientPackage) continue;
    // Redoc's search indexes summaries, paths and descriptions but not operationIds: naming the
    // operationId and client method here makes both searchable and visible.
    const note = `**${text.operationId}** \`${op.operationId}\` · **${text.client}** \`${clientVariable(service)}.${clientMethodName(
      op.operationId,
    )}()\` ${text.from} \`${service.clientPackage}\``;
    op.operation.description = op.operation.description
      ? `${op.operation.description}\n\n${note}`
      : note;
  }
  return { copy, sampleLabels };
}

/**
 * The docs copy of the mock's control API document: the link back and, in a language the
 * document is not written in, a note saying so. It has no client and no samples to add.
 * @param {object} doc the bundled control document (not modified)
 * @param {{ text: Record<string, any> }} language
 */
export function controlDocsCopy(doc, language) {
  const { text } = language;
  const copy = structuredClone(doc);
  const intro = [`[${text.backLink}](index.html)`, text.controlNote].filter(Boolean);
  copy.info.description = `${intro.join('\n\n')}\n\n${copy.info.description ?? ''}`;
  return copy;
}
