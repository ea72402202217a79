// The reference pages render a copy of each bundle with docs-only additions; the hand-written
// spec stays the single source and never carries them.
import { addCodeSamples, clientMethodName } from './code-samples.mjs';
import { listOperations } from './operations.mjs';

/** Client variable names used in the samples (`const hss = createHssClient(...)`). */
function clientVariable(service) {
  return service.id;
}

/**
 * @param {object} doc a bundled OpenAPI document (not modified)
 * @param {{ id: string, clientPackage: string }} service
 * @param {string} samplesDir
 * @returns {object} the copy Redocly renders
 */
export function docsCopy(doc, service, samplesDir) {
  const copy = structuredClone(doc);
  copy.info.description = `[← All hwsec APIs](index.html)\n\n${copy.info.description ?? ''}`;
  addCodeSamples(copy, service, samplesDir);
  for (const op of listOperations(copy)) {
    // Redoc's search indexes summaries, paths and descriptions but not operationIds: naming the
    // operationId and client method here makes both searchable and visible.
    const note = `**Operation ID** \`${op.operationId}\` · **Client** \`${clientVariable(service)}.${clientMethodName(
      op.operationId,
    )}()\` from \`${service.clientPackage}\``;
    op.operation.description = op.operation.description
      ? `${op.operation.description}\n\n${note}`
      : note;
  }
  return copy;
}
