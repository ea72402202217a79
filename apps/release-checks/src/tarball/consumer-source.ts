/**
 * The user's code: a TypeScript file that imports every published client (each client the API
 * registry names) the way the READMEs show, proves the types are real (a wrong call must be a type
 * error), then makes one signed call per operation against the mock and prints what came back as
 * JSON. The calls are the spec's own examples written out as literals, so the client's types
 * check them exactly as they check a user's call.
 */
import {
  listOperations,
  loadBundle,
  readApiRegistry,
  resolveRef,
  type ApiEntry,
  type Json,
} from '@hwsec/spec';

export const CONSUMER_FILE = 'consumer.ts';

/** The APIs with a published client, in the registry's order. */
export const CONSUMER_APIS: readonly ApiEntry[] = readApiRegistry().apis.filter(
  (api) => api.client !== undefined,
);

/** The variable that gives the consumer the mock's URL of one API, e.g. `HWSEC_BSS_URL`. */
export const urlVariable = (apiId: string): string => `HWSEC_${apiId.toUpperCase()}_URL`;

export interface ConsumerCall {
  readonly operationId: string;
  /** The client's method, named like Huawei's SDKs (`payOrders`). */
  readonly method: string;
  /** The argument: the parameters' and the request body's first examples. */
  readonly init: { params: Record<string, Record<string, unknown>>; body?: unknown };
}

const firstExample = (document: Json, holder: Json): unknown =>
  holder?.example ??
  (holder?.examples
    ? resolveRef(document, Object.values<Json>(holder.examples)[0])?.value
    : undefined);

/** One call per operation of `apiId`, from the spec's examples (`{project_id}` is the client's). */
export function consumerCalls(apiId: string): ConsumerCall[] {
  const document = loadBundle(apiId);
  return listOperations(document).map(({ operationId, operation, parameters }) => {
    const params: Record<string, Record<string, unknown>> = {};
    for (const parameter of parameters) {
      const value = firstExample(document, parameter);
      if (value === undefined || parameter.name === 'project_id') continue;
      (params[parameter.in] ??= {})[parameter.name] = value;
    }
    const body = firstExample(
      document,
      resolveRef(document, operation.requestBody)?.content?.['application/json'],
    );
    const id = operationId!;
    return {
      operationId: id,
      method: id[0]!.toLowerCase() + id.slice(1),
      init: body === undefined ? { params } : { params, body },
    };
  });
}

/** The same call with a query parameter no operation defines: a type error if types are real. */
const withUnknownQueryParameter = ({ params, ...rest }: ConsumerCall['init']) => ({
  ...rest,
  params: { ...params, query: { ...params['query'], not_a_parameter: 1 } },
});

function clientSource(api: ApiEntry): {
  imports: string;
  create: string;
  probes: string;
  calls: string;
} {
  const { package: name, factory } = api.client!;
  const options = (baseUrl: string) =>
    `{ baseUrl: ${baseUrl}, ${api.global ? '' : 'projectId, '}credentials }`;
  const calls = consumerCalls(api.id);
  return {
    imports: `import { ${factory} } from '${name}';`,
    create: `const ${api.id} = ${factory}(${options(`url('${urlVariable(api.id)}')`)});`,
    probes: [
      `  // @ts-expect-error unknown operation`,
      `  void ${api.id}.deleteEverything;`,
      ...calls.flatMap((call) => [
        `  // @ts-expect-error ${call.operationId} defines no such query parameter`,
        `  void ${api.id}.${call.method}(${JSON.stringify(withUnknownQueryParameter(call.init))});`,
      ]),
      `  // @ts-expect-error baseUrl is a string`,
      `  ${factory}({ baseUrl: 42, credentials });`,
      api.global
        ? `  // @ts-expect-error a global service has no project\n  ${factory}({ baseUrl: 'http://127.0.0.1', projectId, credentials });`
        : `  // @ts-expect-error a regional service has no site\n  ${factory}({ site: 'cn', projectId, credentials });`,
    ].join('\n'),
    calls: [
      `  ${api.id}: {`,
      ...calls.map(
        (call) =>
          `    ${call.operationId}: unwrap(await ${api.id}.${call.method}(${JSON.stringify(call.init)})),`,
      ),
      `  },`,
    ].join('\n'),
  };
}

export function consumerSource(apis: readonly ApiEntry[] = CONSUMER_APIS): string {
  const clients = apis.map(clientSource);
  return `import { createAkSkSigner, HwsecApiError, isHwsecError, unwrap, type Credentials } from '@hwsec/core';
${clients.map((c) => c.imports).join('\n')}

const credentials: Credentials = {
  accessKey: 'AKTESTEXAMPLE0000000',
  secretKey: 'SKtestexample0000000000000000000000000000',
};
const projectId = '0123456789abcdef0123456789abcdef';
const url = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(name + ' is not set');
  return value;
};

${clients.map((c) => c.create).join('\n')}

// Types must be real, not any: each line in here is an error only if they are. Never called.
const typeProbes = () => {
${clients.map((c) => c.probes).join('\n')}
};
void typeProbes;

// One signed call per operation; each argument is checked by the client's types.
const results = {
${clients.map((c) => c.calls).join('\n')}
};

// The signer is usable on its own, and errors are classes users can test for.
const signer = createAkSkSigner({ accessKey: 'AKTESTEXAMPLE0000000', secretKey: 'SKtestexample0000000000000000000000000000' });
const notAnError = isHwsecError(new Error('plain'));

console.log(
  JSON.stringify({
    results,
    checks: {
      apiErrorClass: typeof HwsecApiError === 'function',
      plainErrorIsHwsecError: notAnError,
      signer: typeof signer.sign === 'function',
    },
  }),
);
`;
}

export const CONSUMER_SOURCE = consumerSource();
