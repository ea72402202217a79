// What the Try it console knows about each operation of a reference page, read from the same
// bundle Redoc renders (so an API registered in the spec gets a console with no docs edit): the
// parameters and the body prefilled from the first example, the body's schema (its $refs
// resolved) for checking before sending, whether the operation places an order, and the local
// mock's URL from the registry's port.
import { firstExample, listOperations, parameterExample, resolveRef } from '../operations.mjs';
import { operationAnchor } from '../pages.mjs';

/** The mock's URL for a service on its default port (the console's default target). */
export function mockUrl(service) {
  return `http://127.0.0.1:${service.mockPort}`;
}

/** The schema with every local $ref replaced by its target; a cycle stops at `{}`. */
function inlineSchema(doc, schema, seen = new Set()) {
  if (Array.isArray(schema)) return schema.map((item) => inlineSchema(doc, item, seen));
  if (schema === null || typeof schema !== 'object') return schema;
  if (typeof schema.$ref === 'string') {
    if (seen.has(schema.$ref)) return {};
    return inlineSchema(doc, resolveRef(doc, schema), new Set([...seen, schema.$ref]));
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    // Prose and examples are Redoc's to show; the check needs the rules only.
    if (key === 'description' || key === 'example' || key === 'examples') continue;
    out[key] =
      key === 'properties' ? inlineProperties(doc, value, seen) : inlineSchema(doc, value, seen);
  }
  return out;
}

function inlineProperties(doc, properties, seen) {
  return Object.fromEntries(
    Object.entries(properties).map(([name, schema]) => [name, inlineSchema(doc, schema, seen)]),
  );
}

/**
 * @param {Record<string, any>} doc a bundle in the page's language
 * @param {{ id: string, name: string, mockPort: number, clientPackage?: string, clientFactory?: string }} service
 */
export function consoleData(doc, service) {
  const operations = listOperations(doc).map((op) => {
    const requestBody = op.operation.requestBody && resolveRef(doc, op.operation.requestBody);
    const json = requestBody?.content?.['application/json'];
    return {
      anchor: operationAnchor(op).slice(2),
      operationId: op.operationId,
      summary: op.summary || op.operationId,
      method: op.method.toUpperCase(),
      path: op.path,
      order: op.operation['x-hwsec-order'] !== undefined,
      parameters: op.parameters
        .filter((p) => ['path', 'query', 'header'].includes(p.in))
        .map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required === true,
          example: parameterExample(doc, p),
          schema: inlineSchema(doc, p.schema ?? {}),
        })),
      ...(json && {
        body: {
          required: requestBody.required === true,
          example: firstExample(doc, json),
          schema: inlineSchema(doc, json.schema ?? {}),
        },
      }),
    };
  });
  return {
    service: {
      id: service.id,
      name: service.name,
      mockUrl: mockUrl(service),
      global: doc['x-hwsec-global'] === true,
      ...(service.clientPackage && {
        client: { package: service.clientPackage, factory: service.clientFactory },
      }),
    },
    operations,
  };
}
