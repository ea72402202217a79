import { describe, expect, it } from 'vitest';
import { describeViolation, describeViolations, toFieldPath } from '../src/prism-diagnostics.js';

describe('violation wording', () => {
  it('writes array indexes in brackets', () => {
    expect(toFieldPath(['body', 'product_infos', '0', 'resource_spec_code'])).toBe(
      'body.product_infos[0].resource_spec_code',
    );
    expect(toFieldPath(['query', 'version'])).toBe('query.version');
  });

  it('names the missing property of a required violation', () => {
    expect(
      describeViolation({
        path: ['body', 'product_infos', '1'],
        code: 'required',
        message: "Request body property product_infos.1 must have required property 'id'",
        severity: 0,
      }),
    ).toEqual({ field: 'body.product_infos[1].id', rule: 'required', detail: 'is required' });
    expect(
      describeViolation({ code: 'required', message: 'Body parameter is required', severity: 0 }),
    ).toEqual({
      field: 'body',
      rule: 'required',
      detail: 'is required',
    });
  });

  it('keeps the rule and what it demands, and skips warnings', () => {
    const text = describeViolations([
      {
        path: ['body', 'period_num'],
        code: 'minimum',
        message: 'Request body property period_num must be >= 1',
        severity: 0,
      },
      {
        path: ['header', 'region'],
        code: 'deprecated',
        message: 'Header param region is deprecated',
        severity: 1,
      },
      { code: 415, message: 'Supported content types: application/json', severity: 0 },
    ]);
    expect(text).toBe(
      'body.period_num (minimum): must be >= 1; header.content-type (content-type): Supported content types: application/json',
    );
  });
});
