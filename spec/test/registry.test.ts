// The registry every app reads: the ids of redocly.yaml, the x-hwsec-* facts, the derived error
// wording, and the three helpers (operation lister, $ref resolver, validator) they all share.
import { describe, expect, it } from 'vitest';
import {
  apiFiles,
  apiIds,
  escapePointerToken,
  HTTP_METHODS,
  listOperations,
  localizedErrorMessage,
  readApiRegistry,
  resolvePointer,
  resolveRef,
} from '../src/index.js';
import { createSchemaValidator } from '../src/schema-validator.js';

describe('the API registry', () => {
  it('lists the APIs of redocly.yaml, in its order, each with its bundle', () => {
    expect(apiIds()).toEqual(['hss', 'dsc', 'secmaster']);
    expect(apiFiles('dsc').source).toMatch(/openapi\/dsc\/openapi\.yaml$/);
    expect(apiFiles('dsc').bundleJson).toMatch(/dist\/dsc\.json$/);
    expect(() => apiFiles('iam')).toThrow('unknown API "iam"; registered: hss, dsc, secmaster');
  });

  it('reads the mock ports, names and clients from the x-hwsec-* extensions', () => {
    const registry = readApiRegistry();
    expect(registry.apis.map((api) => [api.id, api.name, api.mockPort])).toEqual([
      ['hss', 'HSS', 4010],
      ['dsc', 'DSC', 4020],
      ['secmaster', 'SecMaster', 4030],
    ]);
    expect(registry.get('secmaster').client).toEqual({
      package: '@hwsec/secmaster',
      factory: 'createSecMasterClient',
    });
    expect(() => registry.get('iam')).toThrow(/registered: hss, dsc, secmaster/);
  });

  it('derives each service’s invalid-parameter error from its 400 example', () => {
    const registry = readApiRegistry();
    expect(registry.get('hss').errors).toEqual({
      invalidParameter: { code: 'HSS.0001', message: 'invalid parameter' },
      unparseableBody: { code: 'HSS.0002', message: 'failed to parse request' },
    });
    expect(registry.get('dsc').errors.unparseableBody).toEqual({
      code: 'dsc.40000011',
      message: 'Invalid parameter',
    });
    expect(registry.get('secmaster').errors.invalidParameter.code).toBe('SecMaster.00010001');
  });

  it('reads SecMaster’s X-Language wording; any other language, or none, is English', () => {
    const registry = readApiRegistry();
    const languages = registry.get('secmaster').errors.languages;
    expect(languages?.header).toBe('x-language');
    const english = registry.get('secmaster').errors.invalidParameter.message;
    expect(localizedErrorMessage(languages, english, 'zh-cn')).toBe('请求参数错误');
    expect(localizedErrorMessage(languages, english, ' ZH-CN ')).toBe('请求参数错误');
    expect(localizedErrorMessage(languages, english, 'en-us')).toBe(english);
    expect(localizedErrorMessage(languages, english, 'fr-fr')).toBe(english);
    expect(localizedErrorMessage(languages, english, undefined)).toBe(english);
    expect(registry.get('hss').errors.languages).toBeUndefined();
  });
});

describe('listOperations', () => {
  it('finds operations under every HTTP method, with path and operation parameters merged', () => {
    const document = {
      paths: {
        '/a': {
          parameters: [{ name: 'p', in: 'query', description: 'path level' }],
          ...Object.fromEntries(HTTP_METHODS.map((m) => [m, { operationId: `${m}A` }])),
          get: {
            operationId: 'getA',
            parameters: [
              { name: 'p', in: 'query', description: 'operation level' },
              { $ref: '#/components/parameters/q' },
            ],
          },
        },
        '/b': { $ref: '#/components/pathItems/b' },
      },
      components: {
        parameters: { q: { name: 'q', in: 'header' } },
        pathItems: { b: { trace: { operationId: 'traceB', summary: 'B' } } },
      },
    };
    const found = listOperations(document);
    expect(found.map((o) => `${o.method} ${o.path} ${o.operationId}`)).toEqual([
      ...HTTP_METHODS.map((m) => `${m} /a ${m}A`),
      'trace /b traceB',
    ]);
    expect(found[0]!.parameters).toEqual([
      { name: 'p', in: 'query', description: 'operation level' },
      { name: 'q', in: 'header' },
    ]);
    expect(found.at(-1)!.summary).toBe('B');
  });
});

describe('the $ref resolver (RFC 6901 in a URI fragment)', () => {
  const document = {
    paths: { '/v5/{project_id}/x': { 'a~b': 1, 'a%b': 2 } },
    loop: { $ref: '#/loop' },
    hop: { $ref: '#/paths/~1v5~1%7Bproject_id%7D~1x' },
  };

  it('decodes ~1, ~0 and %XX, and follows chains', () => {
    expect(resolvePointer(document, '#/paths/~1v5~1{project_id}~1x/a~0b')).toBe(1);
    expect(resolvePointer(document, '#/paths/~1v5~1%7Bproject_id%7D~1x/a%25b')).toBe(2);
    expect(resolveRef(document, { $ref: '#/hop' })).toBe(document.paths['/v5/{project_id}/x']);
    expect(escapePointerToken('/a~b')).toBe('~1a~0b');
  });

  it('refuses what cannot be resolved: a missing target, a cycle, another file, bad escapes', () => {
    expect(() => resolvePointer(document, '#/paths/nope')).toThrow(
      'unresolvable $ref #/paths/nope',
    );
    expect(() => resolveRef(document, { $ref: '#/loop' })).toThrow(/cycle/);
    expect(() => resolveRef(document, { $ref: 'other.yaml#/x' })).toThrow(/only local/);
    expect(() => resolvePointer(document, '#/paths/%E0%A4%A')).toThrow(/percent-encoding/);
  });
});

describe('the schema validator', () => {
  const document = {
    components: {
      schemas: {
        Count: { type: 'integer', format: 'int32' },
        Ratio: { type: 'number', format: 'double' },
        Holder: { type: 'object', properties: { count: { $ref: '#/components/schemas/Count' } } },
      },
    },
  };
  const validator = createSchemaValidator(document);

  it('knows int32 and double', () => {
    const count = validator.atPointer('#/components/schemas/Count');
    expect(count(2 ** 31 - 1)).toBe(true);
    expect(count(2 ** 31)).toBe(false);
    expect(validator.atPointer('#/components/schemas/Ratio')(0.5)).toBe(true);
  });

  it('compiles a schema taken from the document, resolving its $refs there', () => {
    const holder = validator.forSchema(document.components.schemas.Holder);
    expect(holder({ count: 1 })).toBe(true);
    expect(holder({ count: 1.5 })).toBe(false);
    expect(holder.errors?.[0]?.instancePath).toBe('/count');
  });
});
