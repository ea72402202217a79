// Where things live in the built site; the build, the landing page and the tests share it.
// Every language has the same page names (in its own folder, see site-languages.mjs), and Redoc
// gives an operation the same anchor in every language: tags and operationIds are never
// translated.
export function referencePage(service) {
  return `${service.id}.html`;
}

/** The bundle offered for download, in `openapi/` at the site root. */
export function specDownload(service, language) {
  return `openapi/${service.id}${language.bundleSuffix}.yaml`;
}

function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Redoc 3's hash route of an operation: `#/<first tag>/<operationid>`, `other` when untagged.
 * The browser test follows every landing-page link, so a change in Redoc's scheme fails it.
 * @param {{ operationId: string, operation: { tags?: string[] } }} op
 */
export function operationAnchor(op) {
  const tag = op.operation.tags?.[0];
  return `#/${tag ? slug(tag) : 'other'}/${op.operationId.toLowerCase()}`;
}

/** "Testing a flow": the stateful mock started, seeded, run, inspected and reset. */
export const flowPage = 'testing-a-flow.html';

/** "Placing orders safely": mayHaveBeenProcessed, reconcileOrder, waitForOrder. */
export const ordersPage = 'placing-orders-safely.html';

/** The mock's control API (`/_hwsec/…`), rendered by Redoc like the API references. */
export const controlReferencePage = 'mock-control.html';
