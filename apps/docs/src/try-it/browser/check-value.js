// The console's check of a body or parameter before anything is sent: the JSON Schema rules the
// spec's request schemas use (type, enum, required, properties, items, lengths, bounds, pattern,
// const, not, allOf, if/then/else). Each problem names its field (`body.product_list[0].resource_size`) and
// the rule it breaks, worded in the page's language by `say`.

const typeOf = (value) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : Number.isInteger(value)
        ? 'integer'
        : typeof value;

function typeMatches(expected, value) {
  const actual = typeOf(value);
  return actual === expected || (expected === 'number' && actual === 'integer');
}

/**
 * @param {unknown} value @param {Record<string, any>} schema @param {string} field
 * @param {(key: string, values: Record<string, string>) => string} say
 * @returns {string[]} the problems, each starting with the field
 */
export function checkValue(value, schema, field, say) {
  const problems = [];
  const report = (key, values = {}) => problems.push(`${field}: ${say(key, values)}`);
  if (!schema || typeof schema !== 'object') return problems;
  for (const part of schema.allOf ?? []) problems.push(...checkValue(value, part, field, say));
  if (schema.if && checkValue(value, schema.if, field, say).length === 0) {
    if (schema.then) problems.push(...checkValue(value, schema.then, field, say));
  } else if (schema.if && schema.else) problems.push(...checkValue(value, schema.else, field, say));
  if (schema.type !== undefined) {
    const types = [schema.type].flat();
    if (!types.some((type) => typeMatches(type, value))) {
      report('type', { type: types.join(' | ') });
      return problems;
    }
  }
  if (schema.not && checkValue(value, schema.not, field, say).length === 0) report('not');
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value))
    report('const', { value: JSON.stringify(schema.const) });
  if (schema.enum && !schema.enum.some((item) => JSON.stringify(item) === JSON.stringify(value)))
    report('enum', { values: schema.enum.map((item) => JSON.stringify(item)).join(', ') });
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength)
      report('minLength', { limit: String(schema.minLength) });
    if (schema.maxLength !== undefined && length > schema.maxLength)
      report('maxLength', { limit: String(schema.maxLength) });
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
      report('pattern', { pattern: schema.pattern });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      report('minimum', { limit: String(schema.minimum) });
    if (schema.maximum !== undefined && value > schema.maximum)
      report('maximum', { limit: String(schema.maximum) });
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      report('minItems', { limit: String(schema.minItems) });
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      report('maxItems', { limit: String(schema.maxItems) });
    if (schema.items)
      value.forEach((item, index) =>
        problems.push(...checkValue(item, schema.items, `${field}[${index}]`, say)),
      );
  }
  if (typeOf(value) === 'object') {
    for (const name of schema.required ?? [])
      if (!(name in value)) problems.push(`${field}.${name}: ${say('required', {})}`);
    for (const [name, child] of Object.entries(schema.properties ?? {}))
      if (name in value) problems.push(...checkValue(value[name], child, `${field}.${name}`, say));
  }
  return problems;
}
