#!/usr/bin/env node
// Generates a client package's src/generated/ from its spec bundle (@hwsec/spec/<service>.json):
//   schema.ts   - openapi-typescript's types (paths, operations, components)
//   schemas.ts  - one named type per component schema (CreateQuotasOrderRequestInfo, ...)
//   service.ts  - the service id, the servers (URL templates + region enums), for a global service
//                 (`x-hwsec-global`) the endpoint of each site (`x-hwsec-sites`), each
//                 operation's method and path, and (every client but IAM's) `identity`: IAM's
//                 lookup paths and hosts, read from @hwsec/spec/iam.json
//   error-codes.ts - every error code the spec documents for the service (ErrorCode), collected
//                 from its error responses: their examples and the codes their descriptions name.
//                 The clients type the error bodies' `error_code` as `ErrorCode | (string & {})`
//                 (core's OperationResult), so known codes complete and unknown ones still pass.
//   client.ts, api-error.ts, index.ts - the factory named by the spec's `x-hwsec-client`, its
//                 option and client types, the typed HwsecApiError and the package entry
//                 (src/client-source.mjs). A client package holds no source of its own.
//   size/one-signed-call.js, size/throwing-mode.js - the entries of the client's size budget.
// Run from the client package (its `generate` script): `hwsec-generate-client hss`. The package
// must be the one the spec's `x-hwsec-client.package` names.
// Every file is regenerated whole and never edited by hand.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  apiErrorSource,
  clientNames,
  clientSource,
  headerOptions,
  indexSource,
  sizeEntrySources,
} from './client-source.mjs';
import { operationInputs } from './input-shapes.mjs';

const service = process.argv[2];
if (!service) throw new Error('usage: generate-client.mjs <service>');

// Resolve everything from the client package that runs the script (its own devDependencies).
const requireFromPackage = createRequire(join(process.cwd(), 'package.json'));
const bundlePath = requireFromPackage.resolve(`@hwsec/spec/${service}.json`);

const HEADER = `// Generated from @hwsec/spec/${service}.json by @hwsec/client-generator. Do not edit.\n`;
const outDir = join(process.cwd(), 'src', 'generated');
const spec = JSON.parse(readFileSync(bundlePath, 'utf8'));
const client = spec['x-hwsec-client'];
const packageJson = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
const packageName = packageJson.name;
// A client package's own hand-written modules (src/<name>/index.ts beside src/generated/, e.g.
// @hwsec/bss's src/order-tracking/): the generated entry re-exports each, so they ship from the
// package's one entry point. The size entries import that entry (package.json `exports`).
const srcDir = join(process.cwd(), 'src');
const ownModules = (existsSync(srcDir) ? readdirSync(srcDir, { withFileTypes: true }) : [])
  .filter((entry) => entry.isDirectory() && entry.name !== 'generated')
  .filter((entry) => existsSync(join(srcDir, entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .sort();
const mainEntry = (packageJson.exports?.['.']?.default ?? './dist/index.js').replace(/^\.\//, '');
if (client?.package !== packageName)
  throw new Error(
    `${service}: x-hwsec-client.package of the spec is ${JSON.stringify(client?.package)}, but this package is ${packageName}`,
  );

// Whole: a file the generator no longer writes must not linger and be compiled.
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const errorCodes = collectErrorCodes(spec);
writeFileSync(
  join(outDir, 'error-codes.ts'),
  `${HEADER}
/**
 * Every error code the ${service} spec documents, in its error responses' examples and
 * descriptions, with the HTTP statuses it is documented under. A service may send others:
 * the clients type \`error_code\` as \`ErrorCode | (string & {})\`.
 */
export const errorCodes = {
${Object.entries(errorCodes)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(
    ([code, statuses]) =>
      `  ${JSON.stringify(code)}: { statuses: [${[...statuses].sort().join(', ')}] },`,
  )
  .join('\n')}
} as const;

/** An error code the ${service} spec documents. */
export type ErrorCode = keyof typeof errorCodes;
`,
);

// A regional server has a {region} variable with an enum; a global service's server (one host
// for every region) has none and lists no region.
const servers = (spec.servers ?? []).map((server) => {
  if (!server.url.includes('{region}')) return { url: server.url, regions: [] };
  const regions = server.variables?.region?.enum;
  if (!Array.isArray(regions) || regions.length === 0)
    throw new Error(`${service}: the {region} variable of ${server.url} needs an enum`);
  return { url: server.url, regions };
});
const defaultRegion = spec.servers?.[0]?.variables?.region?.default;
// A global service (BSS, IAM): core picks its endpoint by site and signs with X-Domain-Id.
const global = spec['x-hwsec-global'] === true;
const sites = {};
for (const server of spec.servers ?? [])
  for (const site of server['x-hwsec-sites'] ?? []) sites[site] = server.url;
if (global && Object.keys(sites).length === 0)
  throw new Error(`${service}: x-hwsec-global needs servers with x-hwsec-sites`);

// IAM, where a client looks up the id its options leave out (core's id-lookup.ts): the paths of
// KeystoneListProjects and KeystoneListAuthDomains (reads only: nothing is ever created) and the
// IAM host of each site, all from IAM's spec. A regional service's server is on a site's domain
// (`hss.{region}.myhuaweicloud.eu` on the EU site's): its regions use that site's IAM host, which
// answers for every region of the site (the official Node core asks the global host for all).
const identity = service === 'iam' ? undefined : identityFacts();

function identityFacts() {
  const iam = JSON.parse(readFileSync(requireFromPackage.resolve('@hwsec/spec/iam.json'), 'utf8'));
  const pathOf = (operationId) => {
    for (const [path, item] of Object.entries(iam.paths ?? {}))
      for (const [method, operation] of Object.entries(item))
        if (operation?.operationId === operationId) {
          if (method !== 'get')
            throw new Error(`iam: ${operationId} must be a GET (a lookup only reads)`);
          return path;
        }
    throw new Error(`iam: no ${operationId} operation to look ids up with`);
  };
  const iamSites = {};
  for (const server of iam.servers ?? [])
    for (const site of server['x-hwsec-sites'] ?? []) iamSites[site] = server.url;
  const domainOf = (url) =>
    new URL(url.replace('{region}', 'r')).hostname.split('.').slice(-2).join('.');
  const hostFor = (url, what) => {
    const host = Object.values(iamSites).find((site) => domainOf(site) === domainOf(url));
    if (host === undefined) throw new Error(`${service}: IAM has no site host for ${what}`);
    return host;
  };
  return {
    projects: pathOf('KeystoneListProjects'),
    domains: pathOf('KeystoneListAuthDomains'),
    // Global: site -> IAM host; regional: the IAM host of each server, in the servers' order.
    hosts: global
      ? Object.fromEntries(
          Object.keys(sites).map((site) => {
            if (iamSites[site] === undefined)
              throw new Error(`${service}: IAM has no host for site ${site}`);
            return [site, iamSites[site]];
          }),
        )
      : servers.map((server) => hostFor(server.url, server.url)),
  };
}

// Where the spec says `integer` in a request (body fields as `body.a[].b`, query parameters as
// `query.name`): the client refuses 1.5 or NaN there at run time, before sending.
const resolve = (schema) => {
  for (let depth = 0; schema?.$ref && depth < 32; depth++)
    schema = schema.$ref
      .slice(2)
      .split('/')
      .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  return schema;
};
function integerFields(schema, at, out, seen = new Set()) {
  schema = resolve(schema);
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return out;
  seen = new Set(seen).add(schema);
  const types = [schema.type].flat();
  if (types.includes('integer')) out.push(at);
  for (const part of schema.allOf ?? []) integerFields(part, at, out, seen);
  for (const [name, property] of Object.entries(schema.properties ?? {}))
    integerFields(property, `${at}.${name}`, out, seen);
  if (schema.items) integerFields(schema.items, `${at}[]`, out, seen);
  return out;
}

const operations = {};
const headerParameters = {};
const bodyOperationIds = [];
for (const [path, item] of Object.entries(spec.paths ?? {})) {
  for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']) {
    const operation = item[method];
    if (!operation) continue;
    if (!operation.operationId)
      throw new Error(`${service}: ${method.toUpperCase()} ${path} has no operationId`);
    const integers = [];
    const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(resolve);
    for (const parameter of parameters)
      if (parameter?.in === 'query')
        integerFields(parameter.schema, `query.${parameter.name}`, integers);
    const body = resolve(operation.requestBody)?.content?.['application/json']?.schema;
    if (body) integerFields(body, 'body', integers);
    const order = orderRecord(operation, body);
    operations[operation.operationId] = {
      method,
      path,
      integers: [...new Set(integers)],
      ...operationInputs(resolve, item, operation),
      ...(order && { order }),
    };
    if (body) bodyOperationIds.push(operation.operationId);
    headerParameters[operation.operationId] = {
      method,
      path,
      headers: parameters.filter((p) => p?.in === 'header').map((p) => p.name),
    };
  }
}

/**
 * An operation's `x-hwsec-order` (it buys or pays), checked and in core's OrderRecord shape: every
 * fact and `only-when` field must be a field of the request body (`a`, `a.b`, `a[].b`).
 */
function orderRecord(operation, body) {
  const order = operation['x-hwsec-order'];
  if (order === undefined) return undefined;
  const where = `${service}: ${operation.operationId} x-hwsec-order`;
  const known = (field) => {
    let schema = body;
    for (const part of field.split('.')) {
      schema = resolve(schema);
      const list = part.endsWith('[]');
      schema = resolve(schema?.properties?.[list ? part.slice(0, -2) : part]);
      if (list) schema = schema?.type === 'array' ? schema.items : undefined;
    }
    return schema !== undefined;
  };
  const facts = order.facts ?? {};
  if (Object.keys(facts).length === 0) throw new Error(`${where} needs facts`);
  for (const [field, lineItem] of Object.entries(facts)) {
    if (!known(field)) throw new Error(`${where}: fact ${field} is not a request body field`);
    if (lineItem !== null && typeof lineItem !== 'string')
      throw new Error(`${where}: fact ${field} maps to a line-item field name or null`);
  }
  for (const field of Object.keys(order['only-when'] ?? {}))
    if (!known(field)) throw new Error(`${where}: only-when ${field} is not a request body field`);
  if ((order['service-type'] === undefined) === (order.pays === undefined))
    throw new Error(`${where} needs either service-type (it buys) or pays (it pays an order)`);
  if (order.pays !== undefined && !(order.pays in facts))
    throw new Error(`${where}: pays names ${order.pays}, which must be one of its facts`);
  return {
    ...(order['service-type'] !== undefined && { serviceType: order['service-type'] }),
    ...(order['order-types'] !== undefined && { orderTypes: order['order-types'] }),
    ...(order.pays !== undefined && { pays: order.pays }),
    ...(order['only-when'] !== undefined && { onlyWhen: order['only-when'] }),
    facts,
  };
}

const regionUnion =
  [...new Set(servers.flatMap((s) => s.regions))].map((r) => JSON.stringify(r)).join(' | ') ||
  'never';
writeFileSync(
  join(outDir, 'service.ts'),
  `${HEADER}
/** The spec's API name: names \`HWSEC_${service.toUpperCase()}_BASE_URL\` and the service in errors. */
export const serviceId = ${JSON.stringify(service)} as const;

/** The spec's servers: endpoint templates and the regions each one serves. */
export const servers: readonly { readonly url: string; readonly regions: readonly Region[] }[] = [
${servers.map((s) => `  { url: ${JSON.stringify(s.url)}, regions: ${s.regions.length ? `${JSON.stringify(s.regions.join(' '))}.split(' ') as Region[]` : '[]'} },`).join('\n')}
];

/** Every region the spec lists for this service. */
export type Region = ${regionUnion};

/** Whether the service is global (\`x-hwsec-global\`): endpoints per site, no project, X-Domain-Id. */
export const global = ${global};

/** The endpoint of each site (\`x-hwsec-sites\` of the servers), site -> URL. */
export const sites = ${JSON.stringify(sites)} as const;

/** Every site the spec has a server for. */
export type Site = ${
    Object.keys(sites)
      .map((site) => JSON.stringify(site))
      .join(' | ') || 'never'
  };

/** The spec's default region${defaultRegion === undefined ? ' (none: a global service)' : ''}. */
export const defaultRegion = ${defaultRegion === undefined ? 'undefined' : `${JSON.stringify(defaultRegion)} as const`};

/** Where each operation lives (operationId -> HTTP method and path template). */
export const operations = ${JSON.stringify(operations, null, 2)} as const;
${
  identity === undefined
    ? ''
    : `
/**
 * IAM, from @hwsec/spec/iam.json: where ${global ? 'an account (domain) id' : 'a project id'} the options leave out is looked up
 * with AK/SK (KeystoneList${global ? 'AuthDomains' : 'Projects'}, read-only), and IAM's host for each ${global ? 'site' : 'server above'}.
 */
export const identity = {
  path: ${JSON.stringify(global ? identity.domains : identity.projects)},
${
  global
    ? `  sites: ${JSON.stringify(identity.hosts)},`
    : `  servers: servers.map(({ regions }, i) => ({ url: ${JSON.stringify(identity.hosts)}[i]!, regions })),`
}
};
`
}`,
);
const schemaNames = Object.keys(spec.components?.schemas ?? {});
writeFileSync(
  join(outDir, 'schemas.ts'),
  `${HEADER}import type { components } from './schema.js';

${schemaNames.map((name) => `export type ${name} = components['schemas'][${JSON.stringify(name)}];`).join('\n')}
`,
);
const names = clientNames(service, client);
const headers = headerOptions(service, client, headerParameters, names);

// openapi-typescript last: it is the slow part, and a spec the checks above refuse needs none.
// require.resolve finds the CommonJS build; its module.exports arrives as `default`.
const openapiTypescript = await import(
  pathToFileURL(requireFromPackage.resolve('openapi-typescript')).href
);
const api =
  typeof openapiTypescript.default === 'function' ? openapiTypescript : openapiTypescript.default;
const openapiTS = api.default;
const { astToString } = api;
// defaultNonNullable: false keeps a property with a `default` optional: the service applies the
// default when a request leaves it out, so callers must be allowed to.
const ast = await openapiTS(spec, { alphabetize: false, defaultNonNullable: false });
writeFileSync(join(outDir, 'schema.ts'), `${HEADER}/* eslint-disable */\n${astToString(ast)}`);
const description = {
  id: service,
  global,
  identity: identity !== undefined,
  defaultSite: Object.keys(sites)[0],
  title: spec['x-hwsec-name'] ?? service,
  names,
  headers,
  // core fills {project_id} from the projectId option wherever a path has it.
  filledPathParameters: Object.values(operations).some(({ path }) => path.includes('{project_id}'))
    ? ['project_id']
    : [],
  operationIds: Object.keys(operations),
  ownModules,
};
writeFileSync(join(outDir, 'client.ts'), `${HEADER}${clientSource(description)}`);
writeFileSync(join(outDir, 'api-error.ts'), `${HEADER}${apiErrorSource(description)}`);
writeFileSync(join(outDir, 'index.ts'), `${HEADER}${indexSource(description)}`);
mkdirSync(join(outDir, 'size'));
for (const [file, source] of Object.entries(
  sizeEntrySources({
    ...description,
    bodyOperationId: bodyOperationIds[0],
    defaultRegion,
    serverUrl: spec.servers?.[0]?.url,
    mainEntry,
  }),
))
  writeFileSync(join(outDir, 'size', file), `${HEADER}${source}`);
console.log(
  `generated src/generated/{schema,schemas,service,error-codes,client,api-error,index}.ts for ${service}: ${Object.keys(operations).join(', ')}; error codes ${Object.keys(errorCodes).join(', ')}`,
);

function resolveRef(document, value) {
  if (!value?.$ref) return value;
  return value.$ref
    .slice(2)
    .split('/')
    .reduce((node, key) => node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], document);
}

function errorResponses(document) {
  const found = [];
  for (const item of Object.values(document.paths ?? {}))
    for (const operation of Object.values(item))
      for (const [status, response] of Object.entries(operation?.responses ?? {}))
        if (/^[45]/.test(status)) found.push([Number(status), resolveRef(document, response)]);
  return found;
}

/** code -> statuses, from each error response's examples and the codes its description names. */
function collectErrorCodes(document) {
  const CODE = /^[A-Za-z]+\.[0-9]+$/;
  const codes = {};
  const add = (code, status) => {
    if (typeof code === 'string' && CODE.test(code)) (codes[code] ??= new Set()).add(status);
  };
  for (const [status, response] of errorResponses(document)) {
    for (const [, named] of (response.description ?? '').matchAll(/`([^`]+)`/g)) add(named, status);
    for (const media of Object.values(response.content ?? {})) {
      add(media.example?.error_code, status);
      for (const example of Object.values(media.examples ?? {}))
        add(resolveRef(document, example)?.value?.error_code, status);
    }
  }
  // A service with its own error body (IAM's Keystone `{ error: { code: 400 } }`) has numeric
  // codes only, none of the `Service.0001` form.
  if (Object.keys(codes).length === 0 && document['x-hwsec-error-body'] === undefined)
    throw new Error(`${service}: the spec documents no error code`);
  return codes;
}
