/**
 * The `x-hwsec-violations` header: Prism's raw diagnostics (the same JSON Prism puts in its own
 * `sl-violations`), so a test or a curious user can see exactly what Prism found.
 */
import type { ServerResponse } from 'node:http';
import type { PrismDiagnostic } from './prism-diagnostics.js';

export const VIOLATIONS_HEADER = 'x-hwsec-violations';
const MAX_HEADER_LENGTH = 8 * 1024 - 100;
const SEVERITY_NAMES = ['Error', 'Warning', 'Information', 'Hint'];

export interface RawViolation {
  location: string[];
  severity: string;
  code: string | number | undefined;
  message: string;
}

export function toRawViolations(
  where: 'request' | 'response',
  diagnostics: readonly PrismDiagnostic[],
): RawViolation[] {
  return diagnostics.map((d) => ({
    location: [where, ...(d.path ?? [])],
    severity: SEVERITY_NAMES[d.severity] ?? String(d.severity),
    code: d.code,
    message: d.message,
  }));
}

export function setViolationsHeader(
  response: ServerResponse,
  violations: readonly RawViolation[],
): void {
  if (violations.length === 0) return;
  let value = JSON.stringify(violations);
  if (value.length > MAX_HEADER_LENGTH)
    value = `Too many violations! ${value.slice(0, MAX_HEADER_LENGTH)}`;
  response.setHeader(VIOLATIONS_HEADER, value);
}
