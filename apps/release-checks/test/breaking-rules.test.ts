/**
 * Each rule of the checker, firing and not firing: one edit of a small synthetic document per
 * case. "Not firing" cases are the reverse direction of the same edit, which is what a naive
 * diff gets wrong.
 */
import { describe, expect, it } from 'vitest';
import { compareSpecs } from '../src/breaking/compare-specs.js';
import { syntheticSpec } from './support/synthetic-spec.js';

type Doc = ReturnType<typeof syntheticSpec>;

function changesAfter(edit: (doc: Doc) => void, start: (doc: Doc) => void = () => {}) {
  const before = syntheticSpec();
  start(before);
  const after = structuredClone(before);
  edit(after);
  return compareSpecs(before, after).map(({ rule, severity, location }) => ({
    rule,
    severity,
    location,
  }));
}

const request = (doc: Doc) => doc.components.schemas.OrderRequest;
const response = (doc: Doc) => doc.components.schemas.OrderResponse;
const listParams = (doc: Doc) => doc.paths['/v1/{project_id}/orders'].get.parameters;
const POST_BODY = 'POST /v1/{project_id}/orders request body';
const POST_200 = 'POST /v1/{project_id}/orders response 200';

interface Case {
  readonly name: string;
  readonly edit: (doc: Doc) => void;
  readonly start?: (doc: Doc) => void;
  readonly rule: string;
  readonly severity: 'breaking' | 'non-breaking';
  readonly location?: string;
}

const cases: Case[] = [
  // Request bodies: tighter is breaking, looser is not.
  {
    name: 'optional request field becomes required',
    edit: (d) => request(d).required.push('auto_pay'),
    rule: 'request-property-became-required',
    severity: 'breaking',
    location: `${POST_BODY} .auto_pay`,
  },
  {
    name: 'required request field becomes optional',
    edit: (d) => request(d).required.pop(),
    rule: 'request-property-became-optional',
    severity: 'non-breaking',
    location: `${POST_BODY} .period_num`,
  },
  {
    name: 'new required request field',
    edit: (d) => {
      request(d).properties.region = { type: 'string' };
      request(d).required.push('region');
    },
    rule: 'request-property-added-required',
    severity: 'breaking',
  },
  {
    name: 'new optional request field',
    edit: (d) => (request(d).properties.region = { type: 'string' }),
    rule: 'request-property-added',
    severity: 'non-breaking',
  },
  {
    name: 'request field removed',
    edit: (d) => delete request(d).properties.name,
    rule: 'request-property-removed',
    severity: 'breaking',
    location: `${POST_BODY} .name`,
  },
  {
    name: 'request enum narrowed',
    edit: (d) => request(d).properties.spec_code.enum.pop(),
    rule: 'request-enum-narrowed',
    severity: 'breaking',
    location: `${POST_BODY} .spec_code`,
  },
  {
    name: 'request enum widened',
    edit: (d) => request(d).properties.spec_code.enum.push('max'),
    rule: 'request-enum-widened',
    severity: 'non-breaking',
  },
  {
    name: 'request enum value replaced',
    edit: (d) => (request(d).properties.spec_code.enum = ['basic', 'max']),
    rule: 'request-enum-narrowed',
    severity: 'breaking',
  },
  {
    name: 'request enum introduced',
    edit: (d) => (request(d).properties.name.enum = ['a']),
    rule: 'request-enum-narrowed',
    severity: 'breaking',
  },
  {
    name: 'request const introduced',
    edit: (d) => (request(d).properties.name.const = 'a'),
    rule: 'request-enum-narrowed',
    severity: 'breaking',
  },
  {
    name: 'request minimum raised',
    edit: (d) => (request(d).properties.period_num.minimum = 2),
    rule: 'request-range-narrowed',
    severity: 'breaking',
  },
  {
    name: 'request minimum lowered',
    edit: (d) => (request(d).properties.period_num.minimum = 0),
    rule: 'request-range-widened',
    severity: 'non-breaking',
  },
  {
    name: 'request maximum lowered',
    edit: (d) => (request(d).properties.period_num.maximum = 6),
    rule: 'request-range-narrowed',
    severity: 'breaking',
  },
  {
    name: 'request maximum raised',
    edit: (d) => (request(d).properties.period_num.maximum = 24),
    rule: 'request-range-widened',
    severity: 'non-breaking',
  },
  {
    name: 'request maximum removed',
    edit: (d) => delete request(d).properties.period_num.maximum,
    rule: 'request-range-widened',
    severity: 'non-breaking',
  },
  {
    name: 'request maxLength lowered',
    edit: (d) => (request(d).properties.name.maxLength = 32),
    rule: 'request-range-narrowed',
    severity: 'breaking',
  },
  {
    name: 'request minLength added',
    edit: (d) => (request(d).properties.name.minLength = 3),
    rule: 'request-range-narrowed',
    severity: 'breaking',
  },
  {
    name: 'request maxItems lowered (inside an array)',
    edit: (d) => (request(d).properties.tags.maxItems = 2),
    rule: 'request-range-narrowed',
    severity: 'breaking',
  },
  {
    name: 'request exclusiveMinimum added',
    edit: (d) => (request(d).properties.period_num.exclusiveMinimum = 1),
    rule: 'request-range-narrowed',
    severity: 'breaking',
  },
  {
    name: 'request pattern added',
    edit: (d) => (request(d).properties.name.pattern = '^[a-z]+$'),
    rule: 'request-pattern-narrowed',
    severity: 'breaking',
  },
  {
    name: 'request pattern removed',
    start: (d) => (request(d).properties.name.pattern = '^[a-z]+$'),
    edit: (d) => delete request(d).properties.name.pattern,
    rule: 'request-pattern-widened',
    severity: 'non-breaking',
  },
  {
    name: 'request format added',
    edit: (d) => (request(d).properties.name.format = 'email'),
    rule: 'request-format-narrowed',
    severity: 'breaking',
  },
  {
    name: 'request type changed',
    edit: (d) => (request(d).properties.period_num.type = 'string'),
    rule: 'request-type-narrowed',
    severity: 'breaking',
  },
  {
    name: 'request type made nullable (3.1 type array)',
    edit: (d) => (request(d).properties.period_num.type = ['integer', 'null']),
    rule: 'request-type-widened',
    severity: 'non-breaking',
  },
  {
    name: 'request integer widened to number',
    edit: (d) => (request(d).properties.period_num.type = 'number'),
    rule: 'request-type-widened',
    severity: 'non-breaking',
  },
  {
    name: 'array item type changed',
    edit: (d) => (request(d).properties.tags.items.type = 'integer'),
    rule: 'request-type-narrowed',
    severity: 'breaking',
    location: `${POST_BODY} .tags[]`,
  },
  {
    name: 'request body becomes required',
    start: (d) => (d.paths['/v1/{project_id}/orders'].post.requestBody.required = false),
    edit: (d) => (d.paths['/v1/{project_id}/orders'].post.requestBody.required = true),
    rule: 'request-body-became-required',
    severity: 'breaking',
  },
  {
    name: 'request media type removed',
    edit: (d) => {
      const c = d.paths['/v1/{project_id}/orders'].post.requestBody.content;
      c['application/xml'] = c['application/json'];
      delete c['application/json'];
    },
    rule: 'request-media-type-removed',
    severity: 'breaking',
  },
  {
    name: 'union edited',
    start: (d) => (request(d).properties.name.oneOf = [{ maxLength: 3 }, { minLength: 10 }]),
    edit: (d) => request(d).properties.name.oneOf.pop(),
    rule: 'request-composition-changed',
    severity: 'breaking',
  },

  // Responses: looser is breaking (clients get what they were told cannot happen), tighter is not.
  {
    name: 'response field removed',
    edit: (d) => delete response(d).properties.note,
    rule: 'response-property-removed',
    severity: 'breaking',
    location: `${POST_200} .note`,
  },
  {
    name: 'response field added',
    edit: (d) => (response(d).properties.currency = { type: 'string' }),
    rule: 'response-property-added',
    severity: 'non-breaking',
  },
  {
    name: 'response field no longer guaranteed',
    edit: (d) => response(d).required.pop(),
    rule: 'response-property-became-optional',
    severity: 'breaking',
    location: `${POST_200} .state`,
  },
  {
    name: 'response field now guaranteed',
    edit: (d) => response(d).required.push('note'),
    rule: 'response-property-became-required',
    severity: 'non-breaking',
  },
  {
    name: 'response enum widened',
    edit: (d) => response(d).properties.state.enum.push('CANCELLED'),
    rule: 'response-enum-widened',
    severity: 'breaking',
  },
  {
    name: 'response enum narrowed',
    edit: (d) => response(d).properties.state.enum.pop(),
    rule: 'response-enum-narrowed',
    severity: 'non-breaking',
  },
  {
    name: 'response range widened',
    edit: (d) => (response(d).properties.amount.maximum = 5000),
    rule: 'response-range-widened',
    severity: 'breaking',
  },
  {
    name: 'response range narrowed',
    edit: (d) => (response(d).properties.amount.maximum = 500),
    rule: 'response-range-narrowed',
    severity: 'non-breaking',
  },
  {
    name: 'response type widened (nullable)',
    edit: (d) => (response(d).properties.note.type = ['string', 'null']),
    rule: 'response-type-widened',
    severity: 'breaking',
  },
  {
    name: 'error body field removed',
    edit: (d) => delete d.components.schemas.ErrorResponse.properties.error_msg,
    rule: 'response-property-removed',
    severity: 'breaking',
    location: 'POST /v1/{project_id}/orders response 400 .error_msg',
  },
  {
    name: 'success status removed',
    edit: (d) => {
      const r = d.paths['/v1/{project_id}/orders'].post.responses;
      r['201'] = r['200'];
      delete r['200'];
    },
    rule: 'response-status-removed',
    severity: 'breaking',
  },

  // Operations, parameters, names.
  {
    name: 'operation removed',
    edit: (d) => delete d.paths['/v1/{project_id}/orders'].get,
    rule: 'operation-removed',
    severity: 'breaking',
    location: 'GET /v1/{project_id}/orders',
  },
  {
    name: 'operation added',
    edit: (d) =>
      (d.paths['/v1/{project_id}/orders'].delete = {
        operationId: 'DeleteOrder',
        responses: { '204': { description: 'gone' } },
      }),
    rule: 'operation-added',
    severity: 'non-breaking',
  },
  {
    name: 'operationId renamed',
    edit: (d) => (d.paths['/v1/{project_id}/orders'].get.operationId = 'ListAllOrders'),
    rule: 'operation-id-changed',
    severity: 'breaking',
  },
  {
    name: 'parameter removed',
    edit: (d) => listParams(d).pop(),
    rule: 'parameter-removed',
    severity: 'breaking',
    location: 'GET /v1/{project_id}/orders parameter query.status',
  },
  {
    name: 'optional parameter added',
    edit: (d) => listParams(d).push({ name: 'offset', in: 'query', schema: { type: 'integer' } }),
    rule: 'parameter-added',
    severity: 'non-breaking',
  },
  {
    name: 'required parameter added',
    edit: (d) =>
      listParams(d).push({
        name: 'offset',
        in: 'query',
        required: true,
        schema: { type: 'integer' },
      }),
    rule: 'parameter-added-required',
    severity: 'breaking',
  },
  {
    name: 'parameter becomes required',
    edit: (d) => (listParams(d)[0].required = true),
    rule: 'parameter-became-required',
    severity: 'breaking',
  },
  {
    name: 'parameter becomes optional',
    start: (d) => (listParams(d)[0].required = true),
    edit: (d) => (listParams(d)[0].required = false),
    rule: 'parameter-became-optional',
    severity: 'non-breaking',
  },
  {
    name: 'parameter enum narrowed',
    edit: (d) => listParams(d)[1].schema.enum.pop(),
    rule: 'request-enum-narrowed',
    severity: 'breaking',
    location: 'GET /v1/{project_id}/orders parameter query.status',
  },
  {
    name: 'parameter range widened',
    edit: (d) => (listParams(d)[0].schema.maximum = 500),
    rule: 'request-range-widened',
    severity: 'non-breaking',
  },
  {
    name: 'path-level parameter narrowed',
    edit: (d) => (d.components.parameters.project_id.schema.maxLength = 32),
    rule: 'request-range-narrowed',
    severity: 'breaking',
    location: 'POST /v1/{project_id}/orders parameter path.project_id',
  },
  {
    name: 'named schema removed',
    start: (d) => (d.components.schemas.Unused = { type: 'string' }),
    edit: (d) => delete d.components.schemas.Unused,
    rule: 'schema-removed',
    severity: 'breaking',
  },
  {
    name: 'region dropped',
    edit: (d) => d.servers[0].variables.region.enum.pop(),
    rule: 'server-variable-value-removed',
    severity: 'breaking',
  },
  {
    name: 'region added',
    edit: (d) => d.servers[0].variables.region.enum.push('r3'),
    rule: 'server-variable-value-added',
    severity: 'non-breaking',
  },
];

describe('breaking-change rules', () => {
  it('finds nothing between identical documents', () => {
    expect(changesAfter(() => {})).toEqual([]);
  });

  it('ignores descriptions, examples and summaries', () => {
    const changes = changesAfter((d) => {
      request(d).properties.name.description = 'The name.';
      request(d).properties.name.examples = ['x'];
      d.paths['/v1/{project_id}/orders'].post.summary = 'Create';
    });
    expect(changes).toEqual([]);
  });

  it.each(cases)('$name: $rule ($severity)', ({ edit, start, rule, severity, location }) => {
    const changes = changesAfter(edit, start);
    const matching = changes.filter((change) => change.rule === rule);
    expect(matching.length, JSON.stringify(changes)).toBeGreaterThan(0);
    for (const change of matching) expect(change.severity).toBe(severity);
    if (location) expect(matching.map((change) => change.location)).toContain(location);
    // A non-breaking edit must not be reported as breaking under some other rule either.
    if (severity === 'non-breaking')
      expect(changes.filter((change) => change.severity === 'breaking')).toEqual([]);
  });

  it('reports a schema shared by request and response in each direction', () => {
    const changes = changesAfter(
      (d) => {
        d.components.schemas.Shared = { type: 'string', enum: ['a', 'b'] };
        request(d).properties.kind = { $ref: '#/components/schemas/Shared' };
        response(d).properties.kind = { $ref: '#/components/schemas/Shared' };
      },
      (d) => {
        d.components.schemas.Shared = { type: 'string', enum: ['a', 'b'] };
        request(d).properties.kind = { $ref: '#/components/schemas/Shared' };
        response(d).properties.kind = { $ref: '#/components/schemas/Shared' };
      },
    );
    expect(changes).toEqual([]);
    const widened = changesAfter(
      (d) => d.components.schemas.Shared.enum.push('c'),
      (d) => {
        d.components.schemas.Shared = { type: 'string', enum: ['a', 'b'] };
        request(d).properties.kind = { $ref: '#/components/schemas/Shared' };
        response(d).properties.kind = { $ref: '#/components/schemas/Shared' };
      },
    );
    expect(
      widened.filter((c) => c.location.startsWith(POST_BODY)).map((c) => [c.rule, c.severity]),
    ).toEqual([['request-enum-widened', 'non-breaking']]);
    expect(
      widened.filter((c) => c.location.startsWith(POST_200)).map((c) => [c.rule, c.severity]),
    ).toEqual([['response-enum-widened', 'breaking']]);
  });

  it('compares allOf compositions as one object', () => {
    const start = (d: Doc) => {
      d.components.schemas.Base = {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' } },
      };
      response(d).allOf = [{ $ref: '#/components/schemas/Base' }];
    };
    const changes = changesAfter((d) => (d.components.schemas.Base.required = []), start);
    expect(changes.map((c) => c.rule)).toContain('response-property-became-optional');
  });

  it('survives recursive schemas', () => {
    const start = (d: Doc) =>
      (response(d).properties.children = {
        type: 'array',
        items: { $ref: '#/components/schemas/OrderResponse' },
      });
    const changes = changesAfter((d) => delete response(d).properties.note, start);
    expect(changes.filter((c) => c.rule === 'response-property-removed').length).toBeGreaterThan(0);
  });

  it('rejects documents with external references instead of guessing', () => {
    const after = syntheticSpec();
    request(after).properties.name = { $ref: 'other.yaml#/Name' };
    expect(() => compareSpecs(syntheticSpec(), after)).toThrow(/external \$ref/);
  });
});
