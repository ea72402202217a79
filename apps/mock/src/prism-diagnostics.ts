/**
 * Turns Prism's request-validation diagnostics into the sentence a Huawei service puts in
 * `error_msg`: every violated field named by its path (`body.product_infos[0].id`) with the rule
 * it broke. Prism words its messages as "Request body property a.0.b must …", so the path comes
 * from the diagnostic's `path` and the rule from its `code` plus the AJV tail ("must …").
 */
export interface PrismDiagnostic {
  readonly path?: readonly string[];
  readonly code?: string | number;
  readonly message: string;
  readonly severity: number;
}

export interface FieldViolation {
  /** Dotted path with array indexes in brackets, rooted at body/query/path/header. */
  readonly field: string;
  /** JSON Schema keyword (required, enum, minimum, pattern, type, …) or `content-type`. */
  readonly rule: string;
  /** What the rule demands, e.g. "must be >= 1". */
  readonly detail: string;
}

const ERROR_SEVERITY = 0;
const REQUIRED_PROPERTY = /must have required property '([^']+)'/;

export function isError(diagnostic: PrismDiagnostic): boolean {
  return diagnostic.severity === ERROR_SEVERITY;
}

export function toFieldPath(segments: readonly string[]): string {
  let path = '';
  for (const segment of segments) {
    if (/^\d+$/.test(segment) && path !== '') path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}

export function describeViolation(diagnostic: PrismDiagnostic): FieldViolation {
  if (diagnostic.code === 415) {
    return { field: 'header.content-type', rule: 'content-type', detail: diagnostic.message };
  }
  const segments = [...(diagnostic.path ?? [])];
  const rule = String(diagnostic.code ?? 'invalid');
  if (rule === 'required') {
    const missing = REQUIRED_PROPERTY.exec(diagnostic.message)?.[1];
    if (missing !== undefined) segments.push(missing);
    // "Body parameter is required" comes without a path: the whole body is missing.
    if (segments.length === 0) segments.push('body');
    return { field: toFieldPath(segments), rule, detail: 'is required' };
  }
  const mustAt = diagnostic.message.indexOf('must ');
  const detail = mustAt >= 0 ? diagnostic.message.slice(mustAt) : diagnostic.message;
  return { field: toFieldPath(segments.length > 0 ? segments : ['request']), rule, detail };
}

/** "body.period_num (minimum): must be >= 1; body.region_id (required): is required" */
export function describeViolations(diagnostics: readonly PrismDiagnostic[]): string {
  return diagnostics
    .filter(isError)
    .map(describeViolation)
    .map(({ field, rule, detail }) => `${field} (${rule}): ${detail}`)
    .join('; ');
}
