#!/usr/bin/env node
// Generates a client package's src/generated/ from its spec bundle (@hwsec/spec/<service>.json):
//   schema.ts   - openapi-typescript's types (paths, operations, components)
//   schemas.ts  - one named type per component schema (CreateQuotasOrderRequestInfo, ...)
//   service.ts  - the servers (URL templates + region enums) and each operation's method and path
// Run from the client package: `node ../core/tooling/generate-client.mjs hss`.
// Both files are regenerated whole and never edited by hand.
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

const HEADER = `// Generated from @hwsec/spec/${service}.json by packages/core/tooling/generate-client.mjs. Do not edit.\n`;
const outDir = join(process.cwd(), 'src', 'generated');
mkdirSync(outDir, { recursive: true });

const spec = JSON.parse(readFileSync(bundlePath, 'utf8'));

// defaultNonNullable: false keeps a property with a `default` optional: the service applies the
// default when a request leaves it out, so callers must be allowed to.
const ast = await openapiTS(spec, { alphabetize: false, defaultNonNullable: false });
writeFileSync(join(outDir, 'schema.ts'), `${HEADER}/* eslint-disable */\n${astToString(ast)}`);

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
  `generated src/generated/{schema,service}.ts for ${service}: ${Object.keys(operations).join(', ')}`,
);
