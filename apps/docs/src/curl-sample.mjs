// Builds the curl sample of an operation from the spec alone (server, method, path, parameters,
// example body, auth header), so it changes whenever the spec does and can never drift from it.
// Its mock variant calls the local mock on the API's port (`x-hwsec-mock-port`) with every value
// filled in from the spec's examples, so it runs exactly as shown.
import { defaultServerUrl, firstExample, parameterExample, resolveRef } from './operations.mjs';
import { apiLanguageHeader } from './sample-language.mjs';
import { doubleQuoted, singleQuoted } from './shell-quoting.mjs';

/** How the README starts the mock; the mock variant's comment names it. */
export const mockStartCommand = 'pnpm mock';

/** The mock checks that a token is there, not what it is (apps/mock/README.md). */
export const mockToken = 'any-token';

/**
 * `project_id` becomes `$HUAWEICLOUD_SDK_PROJECT_ID`, the variable the clients (and Huawei's SDKs)
 * read too; any other path parameter `$HWSEC_<NAME>`.
 */
function shellVariable(name) {
  if (name === 'project_id') return '$HUAWEICLOUD_SDK_PROJECT_ID';
  return `$HWSEC_${name.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}`;
}

/** The header-based API key scheme the operation accepts (IAM token); AK/SK needs a signer. */
function tokenHeader(doc, operation) {
  const requirements = operation.security ?? doc.security ?? [];
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) {
      const scheme = resolveRef(doc, doc.components?.securitySchemes?.[name] ?? {});
      if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name !== 'Authorization') {
        return scheme.name;
      }
    }
  }
  return undefined;
}

/** Header names that curl or the auth line already sets. */
const handledHeaders = new Set(['authorization', 'content-type', 'x-auth-token', 'x-sdk-date']);

/**
 * @param {object} doc a bundled OpenAPI document
 * @param {ReturnType<typeof import('./operations.mjs').listOperations>[number]} op
 * @param {{ code: string, folder: string, text: Record<string, any> }} language the page's language:
 *   its comments, and the API's language header where the service answers in it
 * @param {{ body?: unknown, mockPort?: number }} [options] `body`: the request body to send, when
 *   not the first example; `mockPort`: the mock variant, calling the local mock on that port
 */
export function curlSample(doc, op, language, options = {}) {
  const { mockPort } = options;
  const onMock = mockPort !== undefined;
  // Path parameters stay shell variables (the mock variant: their examples); everything else is
  // a literal from the spec.
  const pathVariables = [];
  const marked = op.path.replace(/\{([^}]+)\}/g, (_, name) => {
    const parameter = op.parameters.find((p) => p.in === 'path' && p.name === name);
    const example = onMock && parameter ? parameterExample(doc, parameter) : undefined;
    if (example !== undefined) return encodeURIComponent(String(example));
    pathVariables.push(shellVariable(name));
    return `\u0000${pathVariables.length - 1}\u0000`;
  });
  const query = op.parameters
    .filter((p) => p.in === 'query' && (p.required || p.example !== undefined || p.examples))
    .map((p) => [p.name, parameterExample(doc, p)])
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  const base = onMock ? `http://127.0.0.1:${mockPort}` : defaultServerUrl(doc);
  const url = doubleQuoted(`${base}${marked}${query.length ? `?${query.join('&')}` : ''}`).replace(
    /\u0000(\d+)\u0000/g,
    (_, index) => pathVariables[Number(index)],
  );

  const { text } = language;
  const token = tokenHeader(doc, op.operation);
  const comment = onMock
    ? [`# ${text.mockSampleNote(mockStartCommand)}`]
    : [
        `# export ${[...pathVariables, ...(token ? ['$HWSEC_IAM_TOKEN'] : [])].map((v) => v.slice(1)).join(' ')}`,
        ...(token ? [`# ${text.curlTokenNote}`] : []),
      ];
  const command = [`curl${op.method === 'get' ? '' : ` -X ${op.method.toUpperCase()}`} ${url}`];
  // The mock's gateway wants a token (or a signature) on every call, as the real one does.
  if (onMock) command.push(`-H "${token ?? 'X-Auth-Token'}: ${mockToken}"`);
  else if (token) command.push(`-H "${token}: $HWSEC_IAM_TOKEN"`);
  const pageLanguage = apiLanguageHeader(doc, language);
  for (const header of op.parameters.filter((p) => p.in === 'header' && p.required)) {
    if (handledHeaders.has(header.name.toLowerCase())) continue;
    const value =
      header.name === pageLanguage?.header
        ? pageLanguage.value
        : (parameterExample(doc, header) ?? `<${header.name}>`);
    command.push(`-H ${doubleQuoted(`${header.name}: ${value}`)}`);
  }
  const requestBody = resolveRef(doc, op.operation.requestBody ?? {});
  const [mediaTypeName, mediaType] = Object.entries(requestBody.content ?? {})[0] ?? [];
  if (mediaTypeName) {
    command.push(`-H ${doubleQuoted(`Content-Type: ${mediaTypeName}`)}`);
    const body = 'body' in options ? options.body : firstExample(doc, mediaType);
    if (body !== undefined) command.push(`--data ${singleQuoted(JSON.stringify(body, null, 2))}`);
  }
  return `${comment.join('\n')}\n${command.join(' \\\n  ')}\n`;
}
