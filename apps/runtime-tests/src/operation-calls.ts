// One valid call per operation of every client, taken from the spec's examples (request body
// example and parameter examples) through the @hwsec/spec registry, so the portable suites
// restate nothing the spec says.
import { listOperations, loadBundle, readApiRegistry, resolveRef } from '@hwsec/spec';
import type { ApiId, OperationCall } from '../portable/context.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const firstExample = (document: Json, holder: Json) =>
  holder?.example ??
  (holder?.examples
    ? resolveRef(document, Object.values<Json>(holder.examples)[0])?.value
    : undefined);

/** The APIs that have a client, in the registry's order. */
export function clientApis(): ApiId[] {
  const registry = readApiRegistry();
  return registry.ids.filter((id) => registry.get(id).client) as ApiId[];
}

export function operationCalls(apis: readonly ApiId[]): OperationCall[] {
  return apis.flatMap((api) => {
    const document = loadBundle(api);
    return listOperations(document).map(({ operationId, operation, parameters }) => {
      const params: Record<'query' | 'header', Record<string, unknown>> = { query: {}, header: {} };
      for (const parameter of parameters) {
        const value = firstExample(document, parameter);
        if (value !== undefined && (parameter.in === 'query' || parameter.in === 'header'))
          params[parameter.in as 'query' | 'header'][parameter.name] = value;
      }
      const body = firstExample(
        document,
        resolveRef(document, operation.requestBody)?.content?.['application/json'],
      );
      const id = operationId!;
      return {
        api,
        operationId: id,
        method: id[0]!.toLowerCase() + id.slice(1),
        init: { ...(body === undefined ? {} : { body }), params },
      };
    });
  });
}
