// Walks a bundled OpenAPI document and yields its operations with their parameters resolved,
// so the landing page, the curl samples and the sample check all read the spec the same way.
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Resolves a local `#/...` reference; bundles contain no other kind. */
export function resolveRef(doc, node) {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    if (!current.$ref.startsWith('#/'))
      throw new Error(`non-local $ref in a bundle: ${current.$ref}`);
    current = current.$ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((parent, key) => parent?.[key], doc);
    if (current === undefined) throw new Error(`unresolvable $ref: ${node.$ref}`);
  }
  return current;
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergedParameters(doc, pathItem, operation) {
  const byKey = new Map();
  for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = resolveRef(doc, raw);
    byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

/**
 * @returns {Array<{ method: string, path: string, operationId: string, summary: string,
 *   operation: Record<string, any>, parameters: Array<Record<string, any>> }>}
 */
export function listOperations(doc) {
  const operations = [];
  for (const [path, rawPathItem] of Object.entries(doc.paths ?? {})) {
    const pathItem = resolveRef(doc, rawPathItem);
    for (const method of methods) {
      const operation = pathItem[method];
      if (!operation) continue;
      if (!operation.operationId)
        throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      operations.push({
        method,
        path,
        operationId: operation.operationId,
        summary: operation.summary ?? '',
        operation,
        parameters: mergedParameters(doc, pathItem, operation),
      });
    }
  }
  return operations;
}

/** The example a reader should see first: the media type's own, else its first named one. */
export function firstExample(doc, mediaType) {
  if (!mediaType) return undefined;
  if (mediaType.example !== undefined) return mediaType.example;
  const named = Object.values(mediaType.examples ?? {})[0];
  if (named !== undefined) return resolveRef(doc, named).value;
  return resolveRef(doc, mediaType.schema ?? {})?.example;
}

/** A parameter's example value, from wherever the spec put it. */
export function parameterExample(doc, parameter) {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {})[0];
  if (named !== undefined) return resolveRef(doc, named).value;
  const schema = resolveRef(doc, parameter.schema ?? {});
  return schema.example ?? schema.examples?.[0] ?? schema.default ?? schema.enum?.[0];
}

/** The first server's URL with every variable at its default. */
export function defaultServerUrl(doc) {
  const server = doc.servers?.[0];
  if (!server) throw new Error(`${doc.info?.title ?? 'API'} declares no servers`);
  return server.url.replace(/\{([^}]+)\}/g, (_, name) => {
    const variable = server.variables?.[name];
    if (!variable) throw new Error(`server variable {${name}} has no definition`);
    return variable.default;
  });
}
