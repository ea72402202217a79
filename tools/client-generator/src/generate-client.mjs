#!/usr/bin/env node
// Generates a client package's src/generated/ from its spec bundle (@hwsec/spec/<service>.json):
//   schema.ts   - openapi-typescript's types (paths, operations, components)
//   schemas.ts  - one named type per component schema (CreateQuotasOrderRequestInfo, ...)
//   service.ts  - the service id, the servers (URL templates + region enums) and each operation's
//                 method and path
//   error-codes.ts - every error code the spec documents for the service (ErrorCode), collected
//                 from its error responses: their examples and the codes their descriptions name.
//                 The clients type the error bodies' `error_code` as `ErrorCode | (string & {})`
//                 (core's OperationResult), so known codes complete and unknown ones still pass.
// Run from the client package (its `generate` script): `hwsec-generate-client hss`.
// Every file is regenerated whole and never edited by hand.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const service = process.argv[2];
if (!service) throw new Error('usage: generate-client.mjs <service>');

// Resolve everything from the client package that runs the script (its own devDependencies).
const requireFromPackage = createRequire(join(process.cwd(), 'package.json'));
const bundlePath = requireFromPackage.resolve(`@hwsec/spec/${service}.json`);
// require.resolve finds the CommonJS build; its module.exports arrives as `default`.
const openapiTypescript = await import(
  pathToFileURL(requireFromPackage.resolve('openapi-typescript')).href
);
const api =
  typeof openapiTypescript.default === 'function' ? openapiTypescript : openapiTypescript.default;
const openapiTS = api.default;
const { astToString } = api;

const HEADER = `// Generated from @hwsec/spec/${service}.json by @hwsec/client-generator. Do not edit.\n`;
const outDir = join(process.cwd(), 'src', 'generated');
mkdirSync(outDir, { recursive: true });

const spec = JSON.parse(readFileSync(bundlePath, 'utf8'));

const errorCodes = collectErrorCodes(spec);
// defaultNonNullable: false keeps a property with a `default` optional: the service applies the
// default when a request leaves it out, so callers must be allowed to.
const ast = await openapiTS(spec, { alphabetize: false, defaultNonNullable: false });
writeFileSync(join(outDir, 'schema.ts'), `${HEADER}/* eslint-disable */\n${astToString(ast)}`);
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

const servers = (spec.servers ?? []).map((server) => {
  const regions = server.variables?.region?.enum;
  if (!server.url.includes('{region}') || !Array.isArray(regions) || regions.length === 0) {
    throw new Error(
      `${service}: every server needs a {region} variable with an enum (${server.url})`,
    );
  }
  return { url: server.url, regions };
});
const defaultRegion = spec.servers?.[0]?.variables?.region?.default;

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
for (const [path, item] of Object.entries(spec.paths ?? {})) {
  for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']) {
    const operation = item[method];
    if (!operation) continue;
    if (!operation.operationId)
      throw new Error(`${service}: ${method.toUpperCase()} ${path} has no operationId`);
    const integers = [];
    for (const parameter of [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(
      resolve,
    ))
      if (parameter?.in === 'query')
        integerFields(parameter.schema, `query.${parameter.name}`, integers);
    const body = resolve(operation.requestBody)?.content?.['application/json']?.schema;
    if (body) integerFields(body, 'body', integers);
    operations[operation.operationId] = { method, path, integers: [...new Set(integers)] };
  }
}

const regionUnion = [...new Set(servers.flatMap((s) => s.regions))]
  .map((r) => JSON.stringify(r))
  .join(' | ');
writeFileSync(
  join(outDir, 'service.ts'),
  `${HEADER}
/** The spec's API name: names \`HWSEC_${service.toUpperCase()}_BASE_URL\` and the service in errors. */
export const serviceId = ${JSON.stringify(service)} as const;

/** The spec's servers: endpoint templates and the regions each one serves. */
export const servers: readonly { readonly url: string; readonly regions: readonly Region[] }[] = [
${servers.map((s) => `  { url: ${JSON.stringify(s.url)}, regions: ${JSON.stringify(s.regions.join(' '))}.split(' ') as Region[] },`).join('\n')}
];

/** Every region the spec lists for this service. */
export type Region = ${regionUnion};

/** The spec's default region. */
export const defaultRegion = ${JSON.stringify(defaultRegion)} as const;

/** Where each operation lives (operationId -> HTTP method and path template). */
export const operations = ${JSON.stringify(operations, null, 2)} as const;
`,
);
const schemaNames = Object.keys(spec.components?.schemas ?? {});
writeFileSync(
  join(outDir, 'schemas.ts'),
  `${HEADER}import type { components } from './schema.js';

${schemaNames.map((name) => `export type ${name} = components['schemas'][${JSON.stringify(name)}];`).join('\n')}
`,
);
console.log(
  `generated src/generated/{schema,schemas,service,error-codes}.ts for ${service}: ${Object.keys(operations).join(', ')}; error codes ${Object.keys(errorCodes).join(', ')}`,
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
  if (Object.keys(codes).length === 0)
    throw new Error(`${service}: the spec documents no error code`);
  return codes;
}
