// The docs' reading of a bundled OpenAPI document: the operations (with their parameters
// resolved, through the @hwsec/spec lister every app uses), examples and the default server, so
// the landing page, the curl samples and the sample check all read the spec the same way.
import { listOperations as listOperationsOf, resolveRef as resolveRefOf } from '@hwsec/spec';

/** Resolves a local `#/...` reference (RFC 6901, `%XX` too); bundles contain no other kind. */
export const resolveRef = resolveRefOf;

/**
 * Every operation under any HTTP method; an operation without an operationId is a spec bug here.
 * @returns {Array<{ method: string, path: string, operationId: string, summary: string,
 *   operation: Record<string, any>, parameters: Array<Record<string, any>> }>}
 */
export function listOperations(doc) {
  return listOperationsOf(doc).map((op) => {
    if (!op.operationId)
      throw new Error(`${op.method.toUpperCase()} ${op.path} has no operationId`);
    return op;
  });
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
