// The call the console just made, written out for a terminal and for code: curl (with a token
// from the environment, as curl cannot sign AK/SK) and TypeScript (the API's client when it has
// one, else @hwsec/core's transport, which is what the console itself uses). Never a secret:
// credentials are read from the environment variables the clients read.
import { singleQuoted } from '../../shell-quoting.mjs';

/**
 * @param {{ method: string, url: string, headers: Record<string, string>, body?: string,
 *   note: string }} call `note`: the comment line saying why the command sends a token
 */
export function curlCommand(call) {
  const lines = [`curl -X ${call.method} ${singleQuoted(call.url)}`];
  for (const [name, value] of Object.entries(call.headers))
    lines.push(`  -H ${singleQuoted(`${name}: ${value}`)}`);
  lines.push(`  -H "X-Auth-Token: $HWSEC_IAM_TOKEN"`);
  if (call.body !== undefined) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  --data ${singleQuoted(call.body)}`);
  }
  return `# ${call.note}\n${lines.join(' \\\n')}`;
}

const lowerFirst = (name) => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * @param {{ service: { client?: { package: string, factory: string }, global: boolean },
 *   operationId: string, baseUrl: string, url: string, method: string,
 *   params: { path: Record<string, string>, query: Record<string, string>, header: Record<string, string> },
 *   body?: unknown, projectId?: string, domainId?: string }} call
 */
export function typescriptCall(call) {
  const { client } = call.service;
  if (client) {
    const params = Object.fromEntries(
      Object.entries(call.params).filter(([, values]) => Object.keys(values).length > 0),
    );
    const init = {
      ...(Object.keys(params).length > 0 && { params }),
      ...(call.body !== undefined && { body: call.body }),
    };
    const options = {
      baseUrl: call.baseUrl,
      ...(call.projectId !== undefined && !call.service.global && { projectId: call.projectId }),
      ...(call.domainId !== undefined && { domainId: call.domainId }),
    };
    return [
      `import { ${client.factory} } from '${client.package}';`,
      '',
      '// Credentials from HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK (or HWSEC_IAM_TOKEN).',
      `const client = ${client.factory}(${JSON.stringify(options, null, 2)});`,
      `const { data, error } = await client.${lowerFirst(call.operationId)}(${JSON.stringify(init, null, 2)});`,
    ].join('\n');
  }
  return [
    "import { createTransport, PlainRequest } from '@hwsec/core';",
    '',
    'const { transport } = createTransport({',
    '  credentials: {',
    '    accessKey: process.env.HUAWEICLOUD_SDK_AK!,',
    '    secretKey: process.env.HUAWEICLOUD_SDK_SK!,',
    '  },',
    ...(call.projectId !== undefined ? [`  projectId: ${JSON.stringify(call.projectId)},`] : []),
    '});',
    'const response = await transport(',
    `  new PlainRequest(${JSON.stringify(call.url)}, {`,
    `    method: '${call.method}',`,
    `    headers: ${JSON.stringify({ ...call.params.header, ...(call.body !== undefined && { 'content-type': 'application/json' }) })},`,
    ...(call.body !== undefined ? [`    body: JSON.stringify(${JSON.stringify(call.body)}),`] : []),
    '  }),',
    ');',
    'console.log(response.status, await response.json());',
  ].join('\n');
}
