// Every key an operation's input may hold, from the spec: the names of its path, query and header
// parameters and the shape of its JSON body (nested objects and lists included). Core refuses a
// key outside it before sending (packages/core/src/unknown-keys.ts), so a typo in plain
// JavaScript never reaches the service. Shapes: 0 = anything (a scalar, or an object the spec
// leaves open), { name: shape } = exactly those properties, [shape] = a list of them.

/**
 * @param {(schema: unknown) => any} resolve follows `$ref` within the bundle
 * @param {object} pathItem @param {object} operation
 * @returns {{ inputs: object }}
 */
export function operationInputs(resolve, pathItem, operation) {
  const inputs = {};
  for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(
    resolve,
  )) {
    if (!['path', 'query', 'header'].includes(parameter?.in)) continue;
    const name = parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name;
    (inputs[parameter.in] ??= {})[name] = shapeOf(resolve, parameter.schema);
  }
  const body = resolve(operation.requestBody)?.content?.['application/json']?.schema;
  if (body) inputs.body = shapeOf(resolve, body);
  return { inputs };
}

function shapeOf(resolve, schema, seen = new Set()) {
  schema = resolve(schema);
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return 0;
  seen = new Set(seen).add(schema);
  const variants = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  const types = [schema.type].flat();
  if (types.includes('array') || schema.items) return [shapeOf(resolve, schema.items, seen)];
  const parts = [schema, ...(schema.allOf ?? []).map(resolve), ...variants.map(resolve)];
  const open = parts.some(
    (part) => part?.additionalProperties !== undefined && part.additionalProperties !== false,
  );
  const properties = {};
  for (const part of parts)
    for (const [name, property] of Object.entries(part?.properties ?? {}))
      properties[name] = mergeShapes(properties[name], shapeOf(resolve, property, seen));
  const isObject = types.includes('object') || Object.keys(properties).length > 0;
  // An object that lists no property (or allows others) is open: nothing to check against.
  if (!isObject || open || Object.keys(properties).length === 0) return 0;
  return properties;
}

/** One shape for a name two schema parts both define (allOf/oneOf): the more permissive. */
function mergeShapes(a, b) {
  if (a === undefined) return b;
  if (a === 0 || b === 0) return 0;
  if (Array.isArray(a) && Array.isArray(b)) return [mergeShapes(a[0], b[0])];
  if (Array.isArray(a) || Array.isArray(b)) return 0;
  const merged = { ...a };
  for (const [name, shape] of Object.entries(b)) merged[name] = mergeShapes(merged[name], shape);
  return merged;
}
