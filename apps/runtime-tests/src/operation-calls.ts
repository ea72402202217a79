// One valid call per operation of every client, taken from the spec's examples (request body
// example and parameter examples) through the @hwsec/spec registry, so the portable suites
// restate nothing the spec says.
import { listOperations, loadBundle, resolveRef } from '@hwsec/spec';
import type { ApiId, OperationCall } from '../portable/context.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const firstExample = (document: Json, holder: Json) =>
  holder?.example ??
  (holder?.examples
    ? resolveRef(document, Object.values<Json>(holder.examples)[0])?.value
    : undefined);

export function operationCalls(apis: readonly ApiId[]): OperationCall[] {
  return apis.flatMap((api) => {
    const document = loadBundle(api);
    return listOperations(document).map(({ method, operationId, operation, parameters }) => {
      const params: Record<'path' | 'query' | 'header', Record<string, unknown>> = {
        path: {},
        query: {},
        header: {},
      };
      for (const parameter of parameters) {
        const value = firstExample(document, parameter);
        // The client fills {project_id} itself (from projectId); every other place comes from the spec.
        const place = parameter.in as 'path' | 'query' | 'header';
        if (value !== undefined && place in params && parameter.name !== 'project_id')
          params[place][parameter.name] = value;
      }
      const body = firstExample(
        document,
        resolveRef(document, operation.requestBody)?.content?.['application/json'],
      );
      const id = operationId!;
      return {
        api,
        operationId: id,
        httpMethod: method,
        method: id[0]!.toLowerCase() + id.slice(1),
        status: Number(Object.keys(operation.responses ?? {}).find((code) => /^2\d\d$/.test(code))),
        init: { ...(body === undefined ? {} : { body }), params },
      };
    });
  });
}
