// The hand-facing source of a client package, rendered from its registry entry (`x-hwsec-client`
// of the spec) and its bundle: the factory and its types (client.ts), the service's typed
// HwsecApiError (api-error.ts) and the package entry (index.ts), which re-exports all of
// @hwsec/core so that every error class and helper of core is importable from every client.
//
// Names follow the factory: `createSecMasterClient` gives `SecMasterClient`,
// `SecMasterClientOptions`, `SecMasterRegion`, `SecMasterErrorCode`, `secMasterServers`,
// `secMasterOperations`, `secMasterDefaultRegion` and `secMasterErrorCodes`.

const FACTORY = /^create([A-Z][A-Za-z0-9]*)Client$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * @param {string} id the API id (`secmaster`)
 * @param {{ package: string, factory: string, headerOptions?: Record<string, { option: string, default: string }> }} client
 * @returns the names every generated file uses
 */
export function clientNames(id, client) {
  const match = FACTORY.exec(client.factory);
  if (!match)
    throw new Error(
      `${id}: x-hwsec-client.factory "${client.factory}" must read create<Name>Client (createHssClient)`,
    );
  const type = match[1];
  const value = type.charAt(0).toLowerCase() + type.slice(1);
  return { factory: client.factory, type, value };
}

/**
 * Request headers the client fills from an option of its own (SecMaster's required `X-Language`
 * from `language`), each with the operation whose parameter types it (the spec types the header).
 * @returns {Array<{ header: string, option: string, defaultValue: string, constant: string,
 *   typeName: string, path: string, method: string }>}
 */
export function headerOptions(id, client, operations, names) {
  return Object.entries(client.headerOptions ?? {}).map(([header, setting]) => {
    const where = `${id}: x-hwsec-client.headerOptions["${header}"]`;
    if (typeof setting?.option !== 'string' || !IDENTIFIER.test(setting.option))
      throw new Error(`${where}.option must name the client option (an identifier)`);
    if (typeof setting.default !== 'string')
      throw new Error(`${where}.default must be the value sent when a call sets none`);
    const user = Object.values(operations).find((operation) => operation.headers.includes(header));
    if (user === undefined) throw new Error(`${where}: no operation has a ${header} header`);
    const pascal = setting.option.charAt(0).toUpperCase() + setting.option.slice(1);
    return {
      header,
      option: setting.option,
      defaultValue: setting.default,
      constant: `DEFAULT_${setting.option.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`,
      typeName: `${names.type}${pascal}`,
      path: user.path,
      method: user.method,
    };
  });
}

/** `'a' | 'b'` of the names, `never` when there are none. */
function union(names) {
  return names.length
    ? [...new Set(names)].map((name) => JSON.stringify(name)).join(' | ')
    : 'never';
}

export function clientSource({
  title,
  names,
  headers,
  filledPathParameters,
  operationIds,
  global,
  identity,
}) {
  const filled = `{ path: ${union(filledPathParameters)}; header: ${union(headers.map((h) => h.header))} }`;
  const methods = operationIds.map(
    (operationId) => `\`${operationId.charAt(0).toLowerCase()}${operationId.slice(1)}\``,
  );
  const headerTypes = headers
    .map(
      (h) => `
/** The \`${h.header}\` header, as the spec types it; the client sends it on every call. */
export type ${h.typeName} =
  paths[${JSON.stringify(h.path)}][${JSON.stringify(h.method)}]['parameters']['header'][${JSON.stringify(h.header)}];

/** Sent as \`${h.header}\` unless the options or a call set it. */
export const ${h.constant} = ${JSON.stringify(h.defaultValue)} satisfies ${h.typeName};
`,
    )
    .join('');
  const optionFields = headers
    .map(
      (h) => `
  /** \`${h.header}\` for every call that does not set it. Default \`${h.defaultValue}\`. */
  ${h.option}?: ${h.typeName} | undefined;`,
    )
    .join('');
  const baseOptions = global
    ? `GlobalServiceClientOptions<${names.type}Site>`
    : `ServiceClientOptions<${names.type}Region>`;
  const options = headers.length ? `${baseOptions} & {${optionFields}\n}` : baseOptions;
  // A global service's facts for core: its endpoints per site, and X-Domain-Id instead of a project.
  const globalFacts = `${global ? `\n    global,\n    sites,` : ''}${identity ? '\n    identity,' : ''}`;
  const factoryBody = headers.length
    ? `  const { ${headers.map((h) => `${h.option} = ${h.constant}`).join(', ')}, ...common } = options;
  return createServiceClient<paths, typeof operations, Filled, ErrorCode>(common, {
    id: serviceId,
    servers,${globalFacts}
    operations,
    headerDefaults: { ${headers.map((h) => `${JSON.stringify(h.header)}: ${h.option}`).join(', ')} },
  });`
    : `  return createServiceClient<paths, typeof operations, Filled, ErrorCode>(options, {
    id: serviceId,
    servers,${globalFacts}
    operations,
  });`;
  const where = global
    ? `\`site\` (endpoint from the spec's servers of each site) or \`baseUrl\` (mock, proxy);
 * \`domainId\` (sent as X-Domain-Id with AK/SK, as the official GlobalCredentials does; with
 * AK/SK and a site or \`iamEndpoint\`, looked up read-only through IAM when not set);`
    : `\`region\` (endpoint from the spec's servers) or \`baseUrl\` (mock, proxy); \`projectId\`
 * (with AK/SK and a region, looked up read-only through IAM when not set; \`iamEndpoint\`);`;
  const imports = global
    ? `import {
  createServiceClient,
  type GlobalServiceClientOptions,
  type ServiceClient,
} from '@hwsec/core';
import type { ErrorCode } from './error-codes.js';
import type { paths } from './schema.js';
import { global, ${identity ? 'identity, ' : ''}operations, serviceId, servers, sites, type Region, type Site } from './service.js';`
    : `import { createServiceClient, type ServiceClient, type ServiceClientOptions } from '@hwsec/core';
import type { ErrorCode } from './error-codes.js';
import type { paths } from './schema.js';
import { ${identity ? 'identity, ' : ''}operations, serviceId, servers, type Region } from './service.js';`;
  const siteType = global
    ? `
/** Every ${title} site in the spec's servers (\`x-hwsec-sites\`). */
export type ${names.type}Site = Site;
`
    : '';
  return `
// The ${title} client: everything it knows about the API comes from the spec.
${imports}

/** Every ${title} region in the spec's servers${global ? ' (none: a global service)' : ''}. */
export type ${names.type}Region = Region;
${siteType}${headerTypes}
/** The parameters the client fills itself: optional in every operation's arguments. */
type Filled = ${filled};

/**
 * ${where}
 * \`credentials\` ({ token } or { accessKey, secretKey, securityToken? }); and optionally
 * \`fetch\`, \`timeoutMs\`, \`retry\`, \`userAgent\`, \`clock\`${headers.map((h) => `, \`${h.option}\``).join('')}.
 */
export type ${names.type}ClientOptions = ${options};

/**
 * The by-path client (openapi-fetch's \`Client\` API: \`GET\`, \`POST\`, ..., \`{ data, error,
 * response }\`) plus one method per operation: ${methods.join(', ')}.
 */
export type ${names.type}Client = ServiceClient<paths, typeof operations, Filled, ErrorCode>;

export function ${names.factory}(options: ${names.type}ClientOptions): ${names.type}Client {
${factoryBody}
}
`;
}

export function apiErrorSource({ id }) {
  return `
// HwsecApiError of @hwsec/core (the same class at runtime), typed with the error codes the
// ${id} spec documents: \`errorCode\` and \`body.error_code\` complete them, other codes still pass.
import {
  HwsecApiError as CoreApiError,
  type ServiceApiError,
  type ServiceApiErrorClass,
  type ServiceErrorBody,
} from '@hwsec/core';
import type { ErrorCode } from './error-codes.js';

export const HwsecApiError = CoreApiError as ServiceApiErrorClass<ErrorCode>;
export type HwsecApiError<Body = ServiceErrorBody<ErrorCode>> = ServiceApiError<ErrorCode, Body>;
`;
}

export function indexSource({ id, names, headers, global, ownModules = [] }) {
  const clientValues = [names.factory, ...headers.map((h) => h.constant)];
  const clientTypes = [
    `${names.type}Client`,
    `${names.type}ClientOptions`,
    `${names.type}Region`,
    ...(global ? [`${names.type}Site`] : []),
    ...headers.map((h) => h.typeName),
  ];
  // The API id spelled otherwise than the factory (`secmaster` / `SecMaster`) keeps the name the
  // package exported before its source was generated.
  const legacyErrorCodes =
    `${id}ErrorCodes` !== `${names.value}ErrorCodes`
      ? `\n/** @deprecated the same as \`${names.value}ErrorCodes\`. */\nexport { errorCodes as ${id}ErrorCodes } from './error-codes.js';`
      : '';
  return `
// The package entry. All of @hwsec/core comes first: every error class (\`instanceof
// HwsecAbortError\`), \`unwrap\`, \`isHwsecError\` and the option types are importable from here.
// The explicit exports below take precedence over it: HwsecApiError is core's class typed with
// this service's error codes.
export * from '@hwsec/core';
export { ${clientValues.join(', ')} } from './client.js';
export type { ${clientTypes.join(', ')} } from './client.js';
export {
  servers as ${names.value}Servers,
  operations as ${names.value}Operations,
  defaultRegion as ${names.value}DefaultRegion,${global ? `\n  sites as ${names.value}Sites,` : ''}
} from './service.js';
export type { paths, components, operations } from './schema.js';
export type * from './schemas.js';
export { errorCodes as ${names.value}ErrorCodes } from './error-codes.js';${legacyErrorCodes}
export type { ErrorCode as ${names.type}ErrorCode } from './error-codes.js';
export { HwsecApiError } from './api-error.js';
${ownModules.map((name) => `// The package's own module src/${name}/ (hand-written, not generated).\nexport * from '../${name}/index.js';\n`).join('')}`;
}

/**
 * The size-budget entries (`sizeBudget` in the client's package.json): what an app that makes one
 * AK/SK-signed call ships, plain and in throwing mode. The call is the first operation with a
 * request body (signing hashes it), its arguments from a global so that no example body weighs in.
 */
export function sizeEntrySources({
  names,
  operationIds,
  bodyOperationId,
  defaultRegion,
  serverUrl,
  global,
  defaultSite,
  mainEntry = 'dist/index.js',
}) {
  const operationId = bodyOperationId ?? operationIds[0];
  const method = `${operationId.charAt(0).toLowerCase()}${operationId.slice(1)}`;
  const where = global
    ? `site: ${JSON.stringify(defaultSite)},\n  domainId: '0123456789abcdef0123456789abcdef'`
    : defaultRegion === undefined
      ? `baseUrl: ${JSON.stringify(serverUrl)},\n  projectId: '0123456789abcdef0123456789abcdef'`
      : `region: ${JSON.stringify(defaultRegion)},\n  projectId: '0123456789abcdef0123456789abcdef'`;
  const client = `const client = ${names.factory}({
  ${where},
  credentials: { accessKey: 'AK', secretKey: 'SK' },
});`;
  return {
    'one-signed-call.js': `// Size-budget entry: one AK/SK-signed ${operationId} call (client, core's by-path
// client, signer, retries, timeouts, errors, the spec's servers).
import { ${names.factory} } from '../../../${mainEntry}';

${client}
const { data, error } = await client.${method}(globalThis.HWSEC_CALL);
console.log(data ?? error);
`,
    'throwing-mode.js': `// Size-budget entry: the same call in throwing mode (unwrap + HwsecApiError).
import { ${names.factory}, unwrap } from '../../../${mainEntry}';

${client}
console.log(unwrap(await client.${method}(globalThis.HWSEC_CALL)));
`,
  };
}
