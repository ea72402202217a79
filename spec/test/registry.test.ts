// The registry every app reads: the ids of redocly.yaml, the x-hwsec-* facts, the derived error
// wording, and the three helpers (operation lister, $ref resolver, validator) they all share.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
  serviceErrorBody,
} from '../src/index.js';
import { createSchemaValidator } from '../src/schema-validator.js';

describe('the API registry', () => {
  it('lists the APIs of redocly.yaml, in its order, each with its bundle', () => {
    expect(apiIds()).toEqual(['hss', 'dsc', 'secmaster', 'bss', 'iam']);
    expect(apiFiles('dsc').source).toMatch(/openapi\/dsc\/openapi\.yaml$/);
    expect(apiFiles('dsc').bundleJson).toMatch(/dist\/dsc\.json$/);
    expect(() => apiFiles('ecs')).toThrow(
      'unknown API "ecs"; registered: hss, dsc, secmaster, bss, iam',
    );
  });

  it('reads the mock ports, names and clients from the x-hwsec-* extensions', () => {
    const registry = readApiRegistry();
    expect(registry.apis.map((api) => [api.id, api.name, api.mockPort])).toEqual([
      ['hss', 'HSS', 4010],
      ['dsc', 'DSC', 4020],
      ['secmaster', 'SecMaster', 4030],
      ['bss', 'BSS', 4040],
      ['iam', 'IAM', 4050],
    ]);
    expect(registry.get('secmaster').client).toEqual({
      package: '@hwsec/secmaster',
      factory: 'createSecMasterClient',
    });
    expect(registry.get('bss').client).toEqual({
      package: '@hwsec/bss',
      factory: 'createBssClient',
    });
    expect(() => registry.get('ecs')).toThrow(/registered: hss, dsc, secmaster, bss, iam/);
  });

  it('derives each service’s invalid-parameter error from its 400 example', () => {
    const registry = readApiRegistry();
    expect(registry.get('hss').errors).toMatchObject({
      invalidParameter: { code: 'HSS.0001', message: 'invalid parameter' },
      unparseableBody: { code: 'HSS.0002', message: 'failed to parse request' },
    });
    expect(registry.get('dsc').errors.unparseableBody).toEqual({
      code: 'dsc.40000011',
      message: 'Invalid parameter',
    });
    expect(registry.get('secmaster').errors.invalidParameter.code).toBe('SecMaster.00010001');
    expect(registry.get('bss').errors.invalidParameter).toEqual({
      code: 'CBC.0100',
      message: 'Parameter error',
    });
  });

  it('reads IAM’s Keystone error body through x-hwsec-error-body, and builds bodies in it', () => {
    const registry = readApiRegistry();
    const iam = registry.get('iam');
    expect(iam.errors.invalidParameter).toEqual({
      code: '400',
      message: 'Invalid input',
    });
    expect(iam.errors.body).toMatchObject({ code: '/error/code', message: '/error/message' });
    expect(serviceErrorBody(iam, { code: '400', message: 'limit: must be <= 5000' })).toEqual({
      error: { code: 400, message: 'limit: must be <= 5000', title: 'Bad Request' },
    });
    const bss = registry.get('bss');
    expect(
      serviceErrorBody(bss, { code: 'CBC.99005003', message: 'Insufficient balance' }),
    ).toEqual({ error_code: 'CBC.99005003', error_msg: 'Insufficient balance' });
    expect(registry.get('hss').errors.body).toMatchObject({
      code: '/error_code',
      message: '/error_msg',
    });
  });

  it('tells global services (a host per site, X-Domain-Id) from regional ones', () => {
    const registry = readApiRegistry();
    expect(registry.apis.filter((api) => api.global).map((api) => api.id)).toEqual(['bss', 'iam']);
    expect(registry.get('bss').sites).toEqual({
      cn: 'https://bss.myhuaweicloud.com',
      intl: 'https://bss-intl.myhuaweicloud.com',
      eu: 'https://bss.myhuaweicloud.eu',
    });
    expect(registry.get('iam').sites).toEqual({
      cn: 'https://iam.myhuaweicloud.com',
      intl: 'https://iam.myhuaweicloud.com',
      eu: 'https://iam.eu-west-101.myhuaweicloud.eu',
    });
    expect(registry.get('hss').sites).toEqual({});
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

describe('the registry refuses a global API it could not serve', () => {
  const root = mkdtempSync(join(tmpdir(), 'hwsec-registry-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const badRequest = {
    '400': {
      description: 'bad',
      content: { 'application/json': { example: { error_code: 'X.1', error_msg: 'bad' } } },
    },
  };
  const valid = {
    openapi: '3.1.0',
    servers: [{ url: 'https://x.example.com', 'x-hwsec-sites': ['cn'] }],
    paths: { '/v1/things': { get: { operationId: 'ListThings', responses: badRequest } } },
    'x-hwsec-name': 'X',
    'x-hwsec-title': 'X service',
    'x-hwsec-mock-port': 4999,
    'x-hwsec-global': true,
  };
  let count = 0;
  /** A spec folder holding one API whose bundle is `document`. */
  const registryOf = (document: object) => {
    const dir = join(root, String(count++));
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'redocly.yaml'), 'apis:\n  x:\n    root: openapi/x/openapi.yaml\n');
    writeFileSync(join(dir, 'dist', 'x.json'), JSON.stringify(document));
    return () => readApiRegistry(dir);
  };

  it('reads a valid one', () => {
    expect(registryOf(valid)().get('x')).toMatchObject({
      global: true,
      sites: { cn: 'https://x.example.com' },
    });
  });
  it.each([
    [
      'a {project_id} in a path',
      { paths: { '/v1/{project_id}/things': valid.paths['/v1/things'] } },
      'x-hwsec-global: true, yet /v1/{project_id}/things takes a {project_id}',
    ],
    [
      'no server of a site',
      { servers: [{ url: 'https://x.{region}.example.com' }] },
      'x-hwsec-global: true needs a server with x-hwsec-sites per site',
    ],
    [
      'a site server with variables',
      {
        servers: [
          { url: 'https://{host}.example.com', 'x-hwsec-sites': ['cn'], variables: { host: {} } },
        ],
      },
      'its URL must be fixed (no variables)',
    ],
    [
      'one site on two servers',
      {
        servers: [
          { url: 'https://a.example.com', 'x-hwsec-sites': ['cn'] },
          { url: 'https://b.example.com', 'x-hwsec-sites': ['cn'] },
        ],
      },
      'site cn has two servers',
    ],
    ['x-hwsec-global as a string', { 'x-hwsec-global': 'yes' }, 'must be true or false'],
    [
      'an error-body pointer that is not one',
      { 'x-hwsec-error-body': { code: 'error.code', message: '/error/message' } },
      'x-hwsec-error-body.code must be a JSON pointer',
    ],
    [
      'an error body without the code where the pointer says',
      { 'x-hwsec-error-body': { code: '/error/code', message: '/error/message' } },
      'the 400 example must hold a code at /error/code and a message at /error/message',
    ],
  ])('%s', (_name, change, message) => {
    expect(registryOf({ ...valid, ...change })).toThrow(message);
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
