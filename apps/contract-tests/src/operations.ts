// Every operation of every bundle, with its parameters, request body and responses resolved, so
// the rest of the suite can iterate "all operations" without naming one.
import { API_NAMES, loadBundle, type ApiName, type OpenApiDocument } from './bundles.js';
import { deref, type JsonSchema } from './json-schema.js';

export type ParameterLocation = 'path' | 'query' | 'header';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: JsonSchema;
  /** The parameter's documented example (`example`, else the first of `examples`). */
  example: unknown;
}

export interface NamedExample {
  name: string;
  value: unknown;
}

export interface Operation {
  api: ApiName;
  document: OpenApiDocument;
  operationId: string;
  method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  path: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; schema: JsonSchema; examples: NamedExample[] };
  /** Per status code: the JSON schema and examples of the response body. */
  responses: Record<string, { schema?: JsonSchema; examples: NamedExample[] }>;
}

const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;

interface MediaObject {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, { value: unknown } | { $ref: string }>;
}

function examplesOf(document: OpenApiDocument, media: MediaObject | undefined): NamedExample[] {
  if (!media) return [];
  if (media.examples) {
    return Object.entries(media.examples).map(([name, example]) => ({
      name,
      value: deref<{ value: unknown }>(document, example).value,
    }));
  }
  return media.example === undefined ? [] : [{ name: 'example', value: media.example }];
}

function parameterOf(document: OpenApiDocument, raw: object): Parameter {
  const p = deref<{
    name: string;
    in: string;
    required?: boolean;
    schema: JsonSchema;
    example?: unknown;
    examples?: Record<string, { value: unknown }>;
  }>(document, raw);
  if (p.in !== 'path' && p.in !== 'query' && p.in !== 'header')
    throw new Error(`parameter in ${p.in} not modelled`);
  const firstExample = p.examples ? Object.values(p.examples)[0]?.value : undefined;
  return {
    name: p.name,
    in: p.in,
    required: p.required ?? false,
    schema: p.schema,
    example: p.example ?? firstExample ?? p.schema.example,
  };
}

export function operationsOf(api: ApiName): Operation[] {
  const document = loadBundle(api);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = (item['parameters'] as object[] | undefined) ?? [];
    for (const method of METHODS) {
      const raw = item[method] as Record<string, unknown> | undefined;
      if (!raw) continue;
      const own = (raw['parameters'] as object[] | undefined) ?? [];
      const parameters = [...shared, ...own].map((p) => parameterOf(document, p));
      const body = raw['requestBody']
        ? deref<{ required?: boolean; content: Record<string, MediaObject> }>(
            document,
            raw['requestBody'] as object,
          )
        : undefined;
      const json = body?.content['application/json'];
      const responses: Operation['responses'] = {};
      for (const [status, response] of Object.entries(raw['responses'] as Record<string, object>)) {
        const media = deref<{ content?: Record<string, MediaObject> }>(document, response)
          .content?.['application/json'];
        responses[status] = {
          ...(media?.schema && { schema: media.schema }),
          examples: examplesOf(document, media),
        };
      }
      operations.push({
        api,
        document,
        operationId: raw['operationId'] as string,
        method,
        path,
        parameters,
        ...(json?.schema && {
          requestBody: {
            required: body?.required ?? false,
            schema: json.schema,
            examples: examplesOf(document, json),
          },
        }),
        responses,
      });
    }
  }
  return operations;
}

export const allOperations = (): Operation[] => API_NAMES.flatMap(operationsOf);
