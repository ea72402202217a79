// A path, query or header value travels as text; the server reads it as the type its schema
// states ("5" as 5, "true" as true). The oracle validates that reading, not the raw text.
import { deref, type JsonSchema } from './json-schema.js';

const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

export function parameterValue(document: unknown, raw: JsonSchema, text: string): unknown {
  const schema = deref<JsonSchema>(document, raw);
  if ((schema.type === 'integer' || schema.type === 'number') && NUMBER_TEXT.test(text))
    return Number(text);
  if (schema.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}
