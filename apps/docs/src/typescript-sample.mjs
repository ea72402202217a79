// Builds the TypeScript sample of an operation from the spec alone, like the curl sample: the
// client the API's `x-hwsec-client` names, created for the default region with its settings from
// the environment, calling the operation with the same parameters and the same first request
// example the curl sample sends, commented in the page's language. An API without a client gets
// no TypeScript sample.
import { firstExample, parameterExample, resolveRef } from './operations.mjs';
import { apiLanguageHeader } from './sample-language.mjs';
import { typescriptLiteral } from './sample-variants.mjs';

/** `CreateQuotasOrder` → `createQuotasOrder`, the client method and the sample file name. */
export function clientMethodName(operationId) {
  return operationId.charAt(0).toLowerCase() + operationId.slice(1);
}

/** Client variable names used in the samples (`const hss = createHssClient(...)`). */
export function clientVariable(service) {
  return service.id.replace(/-([a-z0-9])/g, (_, letter) => letter.toUpperCase());
}

/** Headers the client or the transport sets itself: never part of a call's parameters. */
const clientHeaders = new Set(['authorization', 'content-type', 'x-auth-token', 'x-sdk-date']);

/** The parameters a call passes, as the curl sample sends them (the client fills project_id). */
function callParameters(doc, op, filledHeaders) {
  const params = {};
  const add = (location, name, value) => {
    if (value !== undefined) (params[location] ??= {})[name] = value;
  };
  for (const parameter of op.parameters) {
    const { name } = parameter;
    if (parameter.in === 'path' && name !== 'project_id')
      add('path', name, parameterExample(doc, parameter) ?? `<${name}>`);
    if (parameter.in === 'query' && (parameter.required || parameter.example !== undefined))
      add('query', name, parameterExample(doc, parameter));
    if (
      parameter.in === 'header' &&
      parameter.required &&
      !clientHeaders.has(name.toLowerCase()) &&
      !filledHeaders.has(name)
    )
      add('header', name, parameterExample(doc, parameter) ?? `<${name}>`);
  }
  return params;
}

/** Where the client's settings come from, in the words of Huawei's SDKs, and how to reach the mock. */
function settingsComment(doc, service, text) {
  const needsProject = Object.keys(doc.paths ?? {}).some((path) => path.includes('{project_id}'));
  const global = doc['x-hwsec-global'] === true;
  const variables = `HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK${needsProject ? ', HUAWEICLOUD_SDK_PROJECT_ID' : ''}${global ? ', HUAWEICLOUD_SDK_DOMAIN_ID' : ''}`;
  const credentials = needsProject
    ? text.sampleCredentials.project
    : global
      ? text.sampleCredentials.account
      : text.sampleCredentials.plain;
  const mock = `HWSEC_${service.id.replace(/-/g, '_').toUpperCase()}_BASE_URL=http://127.0.0.1:${service.mockPort}`;
  const comment = text.sampleSettings(credentials, variables, mock);
  // Wrapped at 100 columns like the repository's code.
  const lines = [];
  let line = '//';
  for (const word of comment.split(' ')) {
    if (line.length + 1 + word.length > 100) {
      lines.push(line);
      line = '//';
    }
    line += ` ${word}`;
  }
  return [...lines, line].join('\n');
}

/**
 * @param {object} doc a bundled OpenAPI document
 * @param {{ id: string, mockPort: number, clientPackage?: string, clientFactory?: string }} service
 * @param {ReturnType<typeof import('./operations.mjs').listOperations>[number]} op
 * @param {{ code: string, folder: string, text: Record<string, any> }} language the page's language
 * @returns {string | undefined} the sample, or undefined for an API without a client
 */
export function generatedTypescriptSample(doc, service, op, language) {
  if (!service.clientPackage || !service.clientFactory) return undefined;
  const client = doc['x-hwsec-client'] ?? {};
  const filledHeaders = new Set(Object.keys(client.headerOptions ?? {}));
  const variable = clientVariable(service);
  const region = doc.servers?.[0]?.variables?.region?.default;
  // A global service (BSS, IAM) has no region: its endpoint comes from a site.
  const site = (doc.servers ?? []).flatMap((server) => server['x-hwsec-sites'] ?? [])[0];
  const settings =
    doc['x-hwsec-global'] === true && site !== undefined
      ? { site }
      : region === undefined
        ? {}
        : { region };
  // The client sends the language header from its option: a page in another language asks for it.
  const pageLanguage = apiLanguageHeader(doc, language);
  const languageOption = pageLanguage && client.headerOptions?.[pageLanguage.header]?.option;
  if (languageOption) settings[languageOption] = pageLanguage.value;
  const options = typescriptLiteral(settings);
  // A service with its own error body (IAM's Keystone `{ error: { code, message } }`) is shown whole.
  const failure =
    doc['x-hwsec-error-body'] === undefined
      ? '`${error.error_code}: ${error.error_msg}`'
      : 'JSON.stringify(error)';

  const init = {};
  const params = callParameters(doc, op, filledHeaders);
  if (Object.keys(params).length) init.params = params;
  const requestBody = resolveRef(doc, op.operation.requestBody ?? {});
  const [, mediaType] = Object.entries(requestBody.content ?? {})[0] ?? [];
  const body = firstExample(doc, mediaType);
  if (body !== undefined) init.body = body;
  const argument = Object.keys(init).length ? typescriptLiteral(init) : '';

  return `import { ${service.clientFactory} } from '${service.clientPackage}';

${settingsComment(doc, service, language.text)}
const ${variable} = ${service.clientFactory}(${options});

const { data, error } = await ${variable}.${clientMethodName(op.operationId)}(${argument});
if (error) {
  throw new Error(${failure});
}
console.log(data);
`;
}
