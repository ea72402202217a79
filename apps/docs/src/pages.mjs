// Where things live in the built site; the build, the landing page and the tests share it.
export function referencePage(service) {
  return `${service.id}.html`;
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
