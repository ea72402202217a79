// The API registry of this repository: which APIs exist, where their bundles are, and the one
// way to read them (operations, $refs). The JSON Schema validator is `@hwsec/spec/schema-validator`,
// kept apart so that importing the registry does not load Ajv.
export { apiFiles, apiIds, SPEC_DIR, type ApiFiles } from './api-ids.js';
export {
  localizedErrorMessage,
  readApiRegistry,
  serviceErrorBody,
  type ApiEntry,
  type ErrorBodyShape,
  type ErrorLanguages,
  type ApiRegistry,
  type ServiceError,
} from './api-registry.js';
export {
  escapePointerToken,
  pointerTokens,
  resolvePointer,
  resolveRef,
  type Json,
} from './json-pointer.js';
export {
  HTTP_METHODS,
  listOperations,
  type HttpMethod,
  type OperationEntry,
} from './list-operations.js';
export { loadBundle } from './load-bundle.js';
export { DOCS_DEFAULT_PORT, DOCS_PORT_VARIABLE, localDocsOrigins } from './docs-site.js';
