// The generator run as a client package runs it (`hwsec-generate-client <id>` in the package's
// folder), on small bundles written here: what a client's source says follows from the spec's
// servers, paths and x-hwsec-client, for a regional API and for a global one (one host, no
// {project_id}) like the billing and identity services.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const GENERATOR = fileURLToPath(new URL('../src/generate-client.mjs', import.meta.url));
const require = createRequire(import.meta.url);
const OPENAPI_TYPESCRIPT = dirname(require.resolve('openapi-typescript/package.json'));
const run = promisify(execFile);
const dirs = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const error = { error_code: 'SVC.0400', error_msg: 'invalid parameter' };
const badRequest = {
  description: 'Bad parameter (`SVC.0400`).',
  content: { 'application/json': { schema: { type: 'object' }, example: error } },
};

/** A bundle with one order (POST with a body and an X-Language header) and one read. */
function bundle({ servers, prefix, client }) {
  return {
    openapi: '3.1.0',
    info: { title: 'Svc', version: '1.0.0' },
    servers,
    'x-hwsec-name': 'Svc',
    'x-hwsec-client': client,
    paths: {
      [`${prefix}/orders`]: {
        post: {
          operationId: 'PayOrders',
          parameters: [
            { name: 'X-Language', in: 'header', required: true, schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
          ],
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['order_id'],
                  properties: { order_id: { type: 'string' }, amount: { type: 'integer' } },
                },
              },
            },
          },
          responses: { 204: { description: 'Paid.' }, 400: badRequest },
        },
        get: {
          operationId: 'ListOrders',
          responses: {
            200: {
              description: 'The orders.',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
            400: badRequest,
          },
        },
      },
    },
  };
}

/** IAM's bundle: its site hosts and the two reads a client looks ids up with. */
const listing = (operationId) => ({
  operationId,
  responses: { 200: { description: 'The list.' } },
});
const iamBundle = (method = 'get') => ({
  openapi: '3.1.0',
  info: { title: 'IAM', version: '3.0' },
  servers: [
    { url: 'https://iam.example.com', 'x-hwsec-sites': ['cn', 'intl'] },
    { url: 'https://iam.eu-west-101.example.eu', 'x-hwsec-sites': ['eu'] },
  ],
  paths: {
    '/v3/projects': { [method]: listing('KeystoneListProjects') },
    '/v3/auth/domains': { get: listing('KeystoneListAuthDomains') },
  },
});

/** A client package folder named `name`, whose @hwsec/spec holds `svc.json` and `iam.json`. */
function clientPackage(name, document, iam = iamBundle()) {
  const dir = mkdtempSync(join(tmpdir(), 'hwsec-generator-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, type: 'module' }));
  const spec = join(dir, 'node_modules', '@hwsec', 'spec');
  mkdirSync(join(spec, 'dist'), { recursive: true });
  writeFileSync(
    join(spec, 'package.json'),
    JSON.stringify({ name: '@hwsec/spec', exports: { './*.json': './dist/*.json' } }),
  );
  writeFileSync(join(spec, 'dist', 'svc.json'), JSON.stringify(document));
  writeFileSync(join(spec, 'dist', 'iam.json'), JSON.stringify(iam));
  symlinkSync(OPENAPI_TYPESCRIPT, join(dir, 'node_modules', 'openapi-typescript'));
  return dir;
}

async function generate(dir) {
  await run(process.execPath, [GENERATOR, 'svc'], { cwd: dir });
  const read = (file) => readFileSync(join(dir, 'src', 'generated', file), 'utf8');
  return { service: read('service.ts'), client: read('client.ts'), index: read('index.ts') };
}

const regional = {
  url: 'https://svc.{region}.example.com',
  variables: { region: { default: 'cn-north-4', enum: ['cn-north-4', 'ap-southeast-1'] } },
};
const client = { package: '@hwsec/svc', factory: 'createSvcClient' };

describe('hwsec-generate-client', () => {
  it('a regional API: regions from the server, project_id filled, names after the factory', async () => {
    const dir = clientPackage(
      '@hwsec/svc',
      bundle({ servers: [regional], prefix: '/v1/{project_id}', client }),
    );
    const { service, client: source, index } = await generate(dir);
    expect(service).toContain(`export type Region = "cn-north-4" | "ap-southeast-1";`);
    expect(service).toContain(`export const defaultRegion = "cn-north-4" as const;`);
    expect(source).toContain('type Filled = { path: "project_id"; header: never };');
    expect(source).toContain(
      'export function createSvcClient(options: SvcClientOptions): SvcClient {',
    );
    expect(index).toContain("export * from '@hwsec/core';");
    expect(index).toContain('servers as svcServers');
    expect(index).toContain('export { errorCodes as svcErrorCodes }');
  });

  it('identity: KeystoneListProjects’ path and the IAM site host of each server’s domain', async () => {
    const eu = {
      url: 'https://svc.{region}.example.eu',
      variables: { region: { enum: ['eu-west-101'] } },
    };
    const dir = clientPackage(
      '@hwsec/svc',
      bundle({ servers: [regional, eu], prefix: '/v1/{project_id}', client }),
    );
    const { service, client: source } = await generate(dir);
    expect(service).toContain(
      `export const identity = {
  path: "/v3/projects",
  servers: servers.map(({ regions }, i) => ({ url: ["https://iam.example.com","https://iam.eu-west-101.example.eu"][i]!, regions })),
};`,
    );
    expect(source).toMatch(/servers,\n {4}identity,\n {4}operations,/);
  });

  it('identity of a global API: KeystoneListAuthDomains’ path and IAM’s host per site', async () => {
    const sites = [
      { url: 'https://svc.example.com', 'x-hwsec-sites': ['cn'] },
      { url: 'https://svc.example.eu', 'x-hwsec-sites': ['eu'] },
    ];
    const document = {
      ...bundle({ servers: sites, prefix: '/v2', client }),
      'x-hwsec-global': true,
    };
    const { service } = await generate(clientPackage('@hwsec/svc', document));
    expect(service).toContain(
      `export const identity = {
  path: "/v3/auth/domains",
  sites: {"cn":"https://iam.example.com","eu":"https://iam.eu-west-101.example.eu"},
};`,
    );
  });

  it('refuses a lookup that is not a GET, and a server on a domain IAM has no host in', async () => {
    const post = clientPackage(
      '@hwsec/svc',
      bundle({ servers: [regional], prefix: '/v1/{project_id}', client }),
      iamBundle('post'),
    );
    await expect(generate(post)).rejects.toThrow(
      'iam: KeystoneListProjects must be a GET (a lookup only reads)',
    );
    const elsewhere = clientPackage(
      '@hwsec/svc',
      bundle({
        servers: [{ ...regional, url: 'https://svc.{region}.example.org' }],
        prefix: '/v1/{project_id}',
        client,
      }),
    );
    await expect(generate(elsewhere)).rejects.toThrow(
      'svc: IAM has no site host for https://svc.{region}.example.org',
    );
  });

  it('a global API (no {region}, no {project_id}): no region, nothing filled', async () => {
    const global = { url: 'https://svc.example.com' };
    const dir = clientPackage('@hwsec/svc', bundle({ servers: [global], prefix: '/v2', client }));
    const { service, client: source } = await generate(dir);
    expect(service).toContain('{ url: "https://svc.example.com", regions: [] },');
    expect(service).toContain('export type Region = never;');
    expect(service).toContain('export const defaultRegion = undefined;');
    expect(source).toContain('type Filled = { path: never; header: never };');
  });

  it('a header every call needs becomes a client option with its default (headerOptions)', async () => {
    const withLanguage = {
      ...client,
      headerOptions: { 'X-Language': { option: 'language', default: 'en-us' } },
    };
    const dir = clientPackage(
      '@hwsec/svc',
      bundle({ servers: [regional], prefix: '/v1', client: withLanguage }),
    );
    const { client: source, index } = await generate(dir);
    expect(source).toContain('header: "X-Language" }');
    expect(source).toContain('language?: SvcLanguage | undefined;');
    expect(source).toContain('export const DEFAULT_LANGUAGE = "en-us" satisfies SvcLanguage;');
    expect(source).toContain('headerDefaults: { "X-Language": language }');
    expect(index).toContain('export { createSvcClient, DEFAULT_LANGUAGE }');
  });

  it('refuses a package the spec does not name, and a header option no operation has', async () => {
    const other = clientPackage(
      '@hwsec/other',
      bundle({ servers: [regional], prefix: '/v1', client }),
    );
    await expect(generate(other)).rejects.toThrow(
      'x-hwsec-client.package of the spec is "@hwsec/svc", but this package is @hwsec/other',
    );
    const noSuchHeader = {
      ...client,
      headerOptions: { 'X-Nope': { option: 'nope', default: 'x' } },
    };
    const dir = clientPackage(
      '@hwsec/svc',
      bundle({ servers: [regional], prefix: '/v1', client: noSuchHeader }),
    );
    await expect(generate(dir)).rejects.toThrow('no operation has a X-Nope header');
  });
  it('x-hwsec-order: the order record in the operations, its facts checked against the body', async () => {
    const document = bundle({ servers: [regional], prefix: '/v1', client });
    const post = document.paths['/v1/orders'].post;
    post['x-hwsec-order'] = { pays: 'order_id', facts: { order_id: null } };
    const { service } = await generate(clientPackage('@hwsec/svc', document));
    expect(service).toContain(
      '"order": {\n      "pays": "order_id",\n      "facts": {\n        "order_id": null',
    );
    post['x-hwsec-order'] = { 'service-type': 'hws.service.type.x', facts: { nope: null } };
    await expect(generate(clientPackage('@hwsec/svc', document))).rejects.toThrow(
      'svc: PayOrders x-hwsec-order: fact nope is not a request body field',
    );
    post['x-hwsec-order'] = { facts: { amount: 'subscription_num' } };
    await expect(generate(clientPackage('@hwsec/svc', document))).rejects.toThrow(
      'needs either service-type (it buys) or pays (it pays an order)',
    );
  });

  it("a package's own module (src/<name>/index.ts) is re-exported by the entry; size entries import package.json's entry", async () => {
    const dir = clientPackage('@hwsec/svc', bundle({ servers: [regional], prefix: '/v1', client }));
    mkdirSync(join(dir, 'src', 'order-tracking'), { recursive: true });
    writeFileSync(join(dir, 'src', 'order-tracking', 'index.ts'), 'export const x = 1;\n');
    mkdirSync(join(dir, 'src', 'notes'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: '@hwsec/svc',
        type: 'module',
        exports: { '.': { default: './dist/generated/index.js' } },
      }),
    );
    const { index } = await generate(dir);
    expect(index).toContain("export * from '../order-tracking/index.js';");
    expect(index).not.toContain('notes');
    expect(
      readFileSync(join(dir, 'src', 'generated', 'size', 'one-signed-call.js'), 'utf8'),
    ).toContain("from '../../../dist/generated/index.js'");
  });
});
