/**
 * Value-level keywords of a JSON Schema (OpenAPI 3.1 dialect): type, enum/const, numeric, length
 * and count bounds, pattern and format. Each comparison reports how the set of allowed values
 * moved, and `classifyConstraint` turns that into breaking or not for the schema's direction.
 */
import { classifyConstraint } from './classify.js';
import type { Direction, JsonObject, SpecChange } from './types.js';

function typeSet(schema: JsonObject): Set<string> | undefined {
  const { type } = schema;
  const types =
    typeof type === 'string' ? [type] : Array.isArray(type) ? type.map(String) : undefined;
  if (!types) return undefined;
  // OpenAPI 3.0's `nullable` still shows up in 3.1 documents converted from older ones.
  if (schema.nullable === true) types.push('null');
  return new Set(types);
}

function acceptsType(types: Set<string> | undefined, type: string): boolean {
  return !types || types.has(type) || (type === 'integer' && types.has('number'));
}

function compareType(before: JsonObject, after: JsonObject, ctx: KeywordContext): void {
  const b = typeSet(before);
  const a = typeSet(after);
  const narrowed =
    (b === undefined && a !== undefined) || [...(b ?? [])].some((t) => !acceptsType(a, t));
  const widened =
    (a === undefined && b !== undefined) || [...(a ?? [])].some((t) => !acceptsType(b, t));
  const show = (s: Set<string> | undefined) => (s ? [...s].join('|') : 'any');
  classifyConstraint(
    ctx.changes,
    ctx.direction,
    'type',
    { narrowed, widened },
    ctx.location,
    `type ${show(b)} -> ${show(a)}`,
  );
}

function enumValues(schema: JsonObject): Set<string> | undefined {
  if (Array.isArray(schema.enum)) return new Set(schema.enum.map((v) => JSON.stringify(v)));
  if ('const' in schema) return new Set([JSON.stringify(schema.const)]);
  return undefined;
}

function compareEnum(before: JsonObject, after: JsonObject, ctx: KeywordContext): void {
  const b = enumValues(before);
  const a = enumValues(after);
  const removed = b && a ? [...b].filter((v) => !a.has(v)) : [];
  const added = b && a ? [...a].filter((v) => !b.has(v)) : [];
  const narrowed = (b === undefined && a !== undefined) || removed.length > 0;
  const widened = (a === undefined && b !== undefined) || added.length > 0;
  const detail =
    b && a
      ? `enum removed [${removed.join(', ')}], added [${added.join(', ')}]`
      : `enum ${b ? 'dropped' : 'introduced'}`;
  classifyConstraint(
    ctx.changes,
    ctx.direction,
    'enum',
    { narrowed, widened },
    ctx.location,
    detail,
  );
}

const LOWER_BOUNDS = [
  'minimum',
  'exclusiveMinimum',
  'minLength',
  'minItems',
  'minProperties',
] as const;
const UPPER_BOUNDS = [
  'maximum',
  'exclusiveMaximum',
  'maxLength',
  'maxItems',
  'maxProperties',
] as const;

function numberAt(schema: JsonObject, keyword: string): number | undefined {
  const value = schema[keyword];
  // OpenAPI 3.0's boolean exclusiveMinimum/exclusiveMaximum carry no bound of their own.
  return typeof value === 'number' ? value : undefined;
}

function compareBounds(before: JsonObject, after: JsonObject, ctx: KeywordContext): void {
  for (const [keywords, lower] of [
    [LOWER_BOUNDS, true],
    [UPPER_BOUNDS, false],
  ] as const) {
    for (const keyword of keywords) {
      const b = numberAt(before, keyword);
      const a = numberAt(after, keyword);
      if (a === b) continue;
      // A lower bound that rises (or appears) and an upper bound that falls (or appears) tighten.
      const tighter = b === undefined || (a !== undefined && (lower ? a > b : a < b));
      classifyConstraint(
        ctx.changes,
        ctx.direction,
        'range',
        { narrowed: tighter, widened: !tighter },
        ctx.location,
        `${keyword} ${b ?? 'none'} -> ${a ?? 'none'}`,
      );
    }
  }
}

/** Pattern and format: any new or different value may reject strings that passed before. */
function compareStringRule(
  keyword: 'pattern' | 'format',
  before: JsonObject,
  after: JsonObject,
  ctx: KeywordContext,
): void {
  const b = typeof before[keyword] === 'string' ? (before[keyword] as string) : undefined;
  const a = typeof after[keyword] === 'string' ? (after[keyword] as string) : undefined;
  if (a === b) return;
  classifyConstraint(
    ctx.changes,
    ctx.direction,
    keyword,
    { narrowed: a !== undefined, widened: b !== undefined },
    ctx.location,
    `${keyword} ${b ?? 'none'} -> ${a ?? 'none'}`,
  );
}

export interface KeywordContext {
  readonly direction: Direction;
  readonly location: string;
  readonly changes: SpecChange[];
}

export function compareValueKeywords(
  before: JsonObject,
  after: JsonObject,
  ctx: KeywordContext,
): void {
  compareType(before, after, ctx);
  compareEnum(before, after, ctx);
  compareBounds(before, after, ctx);
  compareStringRule('pattern', before, after, ctx);
  compareStringRule('format', before, after, ctx);
}
