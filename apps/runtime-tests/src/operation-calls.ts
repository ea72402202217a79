// One valid call per operation of every client, taken from the spec's examples (request body
// example and parameter examples), so the portable suites restate nothing the spec says.
import { createRequire } from 'node:module';
import type { ApiId, OperationCall } from '../portable/context.ts';

const require = createRequire(import.meta.url);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Parameter {
  $ref?: string;
  name: string;
  in: string;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: {
    content?: Record<string, { example?: unknown; examples?: Record<string, { value: unknown }> }>;
  };
}

const firstExample = (
  holder: { example?: unknown; examples?: Record<string, { value: unknown }> } | undefined,
) => holder?.example ?? Object.values(holder?.examples ?? {})[0]?.value;

export function operationCalls(apis: readonly ApiId[]): OperationCall[] {
  return apis.flatMap((api) => {
    const bundle = require(`@hwsec/spec/${api}.json`) as {
      paths: Record<string, Record<string, Operation>>;
      components?: { parameters?: Record<string, Parameter> };
    };
    const resolve = (parameter: Parameter) =>
      parameter.$ref
        ? bundle.components!.parameters![parameter.$ref.split('/').pop()!]!
        : parameter;
    return Object.values(bundle.paths).flatMap((item) =>
      METHODS.filter((method) => item[method]?.operationId).map((method) => {
        const operation = item[method]!;
        const params: Record<'query' | 'header', Record<string, unknown>> = {
          query: {},
          header: {},
        };
        for (const parameter of (operation.parameters ?? []).map(resolve)) {
          const value = firstExample(parameter);
          if (value !== undefined && (parameter.in === 'query' || parameter.in === 'header'))
            params[parameter.in][parameter.name] = value;
        }
        const body = firstExample(operation.requestBody?.content?.['application/json']);
        const id = operation.operationId!;
        return {
          api,
          operationId: id,
          method: id[0]!.toLowerCase() + id.slice(1),
          init: { ...(body === undefined ? {} : { body }), params },
        };
      }),
    );
  });
}
